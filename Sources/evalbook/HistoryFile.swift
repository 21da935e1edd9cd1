import Foundation

/// The REPL's persistent history: one entry a line, newest last, capped.
///
/// Several REPLs may run at once, so a save never writes back what this process
/// read at start: under an exclusive `flock` on a lock file it reads the file as
/// it is now, appends the new entries, keeps the newest `limit`, writes a temporary
/// file and renames it over the old one. Readers see the old or the new file,
/// never a mix, and no REPL's entries are lost to another's save.
struct HistoryFile {
    var path: String
    var limit = 1_000

    /// `$XDG_STATE_HOME/evalbook/history`, else `~/.local/state/evalbook/history`.
    static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> HistoryFile? {
        let state =
            environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? environment["HOME"].flatMap { $0.isEmpty ? nil : $0 + "/.local/state" }
        return state.map { HistoryFile(path: $0 + "/evalbook/history") }
    }

    /// The saved entries, oldest first; none when the file is missing or unreadable.
    func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return HistoryFile.entries(in: data)
    }

    /// Appends `entries` to the file as it is now, keeping the newest `limit`.
    ///
    /// Failures are ignored: losing history must never disturb the session.
    func append(_ entries: [String]) {
        let clean = entries.filter { !$0.isEmpty && !$0.contains("\n") }
        guard !clean.isEmpty else { return }
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let lock = open(path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard lock >= 0 else { return }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else { return }
        defer { flock(lock, LOCK_UN) }
        var merged = load()
        // A line repeated straight after itself is kept once, as libedit keeps it in memory.
        for entry in clean where merged.last != entry { merged.append(entry) }
        merged = HistoryFile.capped(merged, limit: limit)
        let temporary = path + ".tmp-\(getpid())"
        let text = merged.map { $0 + "\n" }.joined()
        guard
            FileManager.default.createFile(
                atPath: temporary, contents: Data(text.utf8),
                attributes: [.posixPermissions: 0o600])
        else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// Lines of a history file; a libedit header line (`_HiStOrY_V2_`) is skipped.
    static func entries(in data: Data) -> [String] {
        String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
            .map(String.init).filter { !$0.hasPrefix("_HiStOrY_V") }
    }

    /// The newest `limit` entries.
    static func capped(_ entries: [String], limit: Int) -> [String] {
        entries.count > limit ? Array(entries.suffix(limit)) : entries
    }
}
