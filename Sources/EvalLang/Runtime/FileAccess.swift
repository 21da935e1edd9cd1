import Foundation

/// The read policy of SPEC §9: files under the project root, plus explicitly
/// allowed paths; `..`, absolute paths and symlinks that leave them are refused.
package struct FileAccess: Sendable, Equatable {
    /// The project root, absolute and with symlinks resolved.
    package var root: String
    package var allowed: [String]

    package init(root: String, allowed: [String] = []) {
        self.root = FileAccess.canonical(root) ?? root
        self.allowed = allowed.map { FileAccess.canonical(FileAccess.absolute($0, root: root)) ?? $0 }
    }

    /// Why a path was refused.
    package enum Refusal: Error, Equatable, Sendable {
        case notFound
        case outsideRoot(resolved: String)
        case notAFile
        /// A pipe, device or socket: reading one could block forever or never end.
        case notRegularFile
    }

    /// The absolute, symlink-free path to read for `path`, if the policy allows it.
    package func resolve(_ path: String) -> Result<String, Refusal> {
        let absolute = FileAccess.absolute(path, root: root)
        guard let real = FileAccess.canonical(absolute) else { return .failure(.notFound) }
        var info = stat()
        guard stat(real, &info) == 0 else { return .failure(.notFound) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.notAFile)
        default: return .failure(.notRegularFile)
        }
        let permitted = ([root] + allowed).contains { base in
            real == base || real.hasPrefix(base.hasSuffix("/") ? base : base + "/")
        }
        return permitted ? .success(real) : .failure(.outsideRoot(resolved: real))
    }

    private static func absolute(_ path: String, root: String) -> String {
        path.hasPrefix("/") ? path : root + "/" + path
    }

    /// `realpath(3)`: absolute, no `.`/`..`, no symlinks; nil when it does not exist.
    private static func canonical(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
