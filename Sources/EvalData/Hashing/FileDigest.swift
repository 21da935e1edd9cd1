import Crypto
import Foundation

/// SHA-256 digests of files and bytes, for manifests and replay.
package enum FileDigest {
    /// The lowercase hex SHA-256 of `data`.
    package static func sha256(_ data: some DataProtocol) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The size and SHA-256 of the file at `path`, read in blocks so large inputs
    /// are not held in memory twice; nil when it cannot be read.
    package static func sha256(fileAt path: String) -> (bytes: Int, sha256: String)? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        var total = 0
        while true {
            // Linux answers nil at end of file, macOS empty data: both mean done.
            let block: Data?
            do { block = try handle.read(upToCount: 1 << 20) } catch { return nil }
            guard let block, !block.isEmpty else { break }
            total += block.count
            hasher.update(data: block)
        }
        let hex = hasher.finalize().map { byte in
            let h = String(byte, radix: 16)
            return byte < 16 ? "0" + h : h
        }.joined()
        return (total, hex)
    }
}
