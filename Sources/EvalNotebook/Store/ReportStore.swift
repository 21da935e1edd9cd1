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

    package func latest() -> String? {
        guard let text = try? String(contentsOfFile: directory + "/latest", encoding: .utf8) else {
            return versions().last
        }
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return versions().contains(name) ? name : versions().last
    }

    /// Writes a new version unless the outputs equal the latest one's.
    ///
    /// The version is assembled in a hidden folder and renamed into place, so an interrupted run leaves no partial
    /// version.
    package func write(_ report: Report, created: Date = Date()) throws(StoreError) -> StoreOutcome {
        let files = ReportFiles(report)
        if let latest = latest(),
            files.outputs.allSatisfy({ file in
                fm.contents(atPath: "\(directory)/\(latest)/\(file.name)") == Data(file.contents.utf8)
            })
        {
            return .unchanged(version: latest, directory: "\(directory)/\(latest)")
        }
        try makeDirectory(directory)
        let staging =
            "\(directory)/.staging-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64(created.timeIntervalSince1970 * 1000))"
        try? fm.removeItem(atPath: staging)
        try makeDirectory(staging)
        do throws(StoreError) {
            for file in files.outputs { try writeFile("\(staging)/\(file.name)", file.contents) }
            try writeFile(
                "\(staging)/manifest.json", Manifest(report, outputs: files.outputs, created: created).text)
            var number = (versions().last.flatMap { Int($0.dropFirst()) } ?? 0) + 1
            while true {
                let target = "\(directory)/v\(number)"
                // rename(2) refuses to replace a non-empty directory, so two concurrent
                // runs cannot both claim one version number.
                if rename(staging, target) == 0 {
                    try writeAtomically("\(directory)/latest", "v\(number)\n")
                    try writeAtomically("\(directory)/index.md", ReportIndex(store: self).render())
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
