import EvalLang
import Foundation

/// What a run did to its report folder.
package enum StoreOutcome: Sendable, Equatable {
    case created(version: String, directory: String)
    /// Every output equals the latest version's, so no version was made.
    case unchanged(version: String, directory: String)
}

/// A notebook's report folder: `v1`, `v2`, …, `latest` and `index.md` (SPEC §6).
package struct ReportStore: Sendable {
    package var directory: String

    package init(directory: String) {
        self.directory = directory
    }

    private var fm: FileManager { .default }

    /// Version names present, in numeric order.
    package func versions() -> [String] {
        let names = (try? fm.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { name -> (Int, String)? in
            guard name.hasPrefix("v"), let n = Int(name.dropFirst()), n > 0, String(n) == name.dropFirst() else {
                return nil
            }
            return (n, name)
        }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The newest version on disk: `latest` and `index.md` are derived from the versions, so a run killed
    /// between publishing a version and rewriting them cannot make them lie to a reader.
    package func latest() -> String? {
        versions().last
    }

    /// Writes a new version unless the outputs equal the latest one's.
    ///
    /// The version is assembled in a hidden staging folder, then, holding the store's lock, renamed into place and
    /// `latest` and `index.md` rewritten from the versions on disk; if either cannot be written the version is
    /// taken back, so a failed run leaves the store as it was. Concurrent runs serialise on the lock, so identical
    /// runs make one version, and staging folders of runs that died are removed.
    package func write(_ report: Report, created: Date = Date()) throws(StoreError) -> StoreOutcome {
        let files = ReportFiles(report)
        try refuseLink(directory)
        try makeDirectory(directory)
        let lock = try StoreLock(directory)
        defer { lock.release() }
        removeStaleStaging()
        if let latest = latest(),
            files.outputs.allSatisfy({ file in
                fm.contents(atPath: "\(directory)/\(latest)/\(file.name)") == Data(file.contents.utf8)
            })
        {
            try refresh()
            return .unchanged(version: latest, directory: "\(directory)/\(latest)")
        }
        let staging = "\(directory)/\(Self.stagingPrefix)\(getpid())-\(UInt64(created.timeIntervalSince1970 * 1000))"
        try? fm.removeItem(atPath: staging)
        try makeDirectory(staging)
        do throws(StoreError) {
            for file in files.outputs { try writeFile("\(staging)/\(file.name)", file.contents) }
            try writeFile(
                "\(staging)/manifest.json", Manifest(report, outputs: files.outputs, created: created).text)
            var number = (versions().last.flatMap { Int($0.dropFirst()) } ?? 0) + 1
            while true {
                let target = "\(directory)/v\(number)"
                // rename(2) refuses to replace a non-empty directory, so not even a run that ignores the lock can
                // take a version number twice.
                if rename(staging, target) == 0 {
                    do throws(StoreError) { try refresh() } catch {
                        // Take the version back: a version without its index entry is not published.
                        if rename(target, staging) != 0 { try? fm.removeItem(atPath: target) }
                        try? refresh()
                        throw error
                    }
                    return .created(version: "v\(number)", directory: target)
                }
                guard errno == EEXIST || errno == ENOTEMPTY, number < 1_000_000 else {
                    throw .cannotMove(to: target, errno: errno)
                }
                number += 1
            }
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
    }

    /// Rewrites `latest` and `index.md` from the versions on disk.
    package func refresh() throws(StoreError) {
        if let newest = versions().last { try writeAtomically("\(directory)/latest", newest + "\n") }
        try writeAtomically("\(directory)/index.md", ReportIndex(store: self).render())
    }

    /// The hidden folders versions are assembled in.
    static let stagingPrefix = ".staging-"

    /// Removes staging folders whose run is gone (its process id no longer exists).
    private func removeStaleStaging() {
        for name in (try? fm.contentsOfDirectory(atPath: directory)) ?? [] where name.hasPrefix(Self.stagingPrefix) {
            let pid = name.dropFirst(Self.stagingPrefix.count).split(separator: "-").first.flatMap { Int32($0) }
            if let pid, pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }
            try? fm.removeItem(atPath: "\(directory)/\(name)")
        }
    }

    /// Refuses a report folder, or its parent, that is a symbolic link.
    private func refuseLink(_ path: String) throws(StoreError) {
        for candidate in [path, (path as NSString).deletingLastPathComponent] where !candidate.isEmpty {
            var info = stat()
            if lstat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFLNK { throw .symbolicLink(candidate) }
        }
    }

    private func makeDirectory(_ path: String) throws(StoreError) {
        do { try fm.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw blockingFile(on: path).map { .blockedByFile(path: path, file: $0) }
                ?? .cannotCreateFolder(path, underlying: error)
        }
    }

    /// The first file on the way to `path` that is not a folder, if any: the usual reason a folder cannot be made,
    /// which Foundation's error does not say.
    private func blockingFile(on path: String) -> String? {
        var ancestors: [String] = []
        var url = URL(fileURLWithPath: path).standardizedFileURL
        while url.path != "/", !url.path.isEmpty, ancestors.count < 4096 {
            ancestors.append(url.path)
            url = url.deletingLastPathComponent()
        }
        for ancestor in ancestors.reversed() {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: ancestor, isDirectory: &isDirectory), !isDirectory.boolValue { return ancestor }
        }
        return nil
    }

    private func writeFile(_ path: String, _ contents: String) throws(StoreError) {
        // Figures live in a `figures/` subfolder of the version.
        let parent = (path as NSString).deletingLastPathComponent
        if !fm.fileExists(atPath: parent) { try makeDirectory(parent) }
        do { try Data(contents.utf8).write(to: URL(fileURLWithPath: path)) } catch {
            throw .cannotWrite(path, underlying: error)
        }
    }

    /// Writes through a temporary file and a rename, so readers never see half a file.
    func writeAtomically(_ path: String, _ contents: String) throws(StoreError) {
        let temp = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try writeFile(temp, contents)
        guard rename(temp, path) == 0 else {
            let code = errno
            try? fm.removeItem(atPath: temp)
            throw .cannotMove(to: path, errno: code)
        }
    }
}
