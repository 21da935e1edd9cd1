import Foundation

/// The project's connections file, `evalbook.toml` at the project root.
///
/// ```toml
/// [connections]
/// warehouse = "postgresql://analyst@db.internal:5432/warehouse?statement_timeout=60000"
/// ```
///
/// Only the `[connections]` table is read (other tables are left for other settings);
/// each entry is `NAME = "URL"`, `#` starts a comment. Passwords never go here.
package enum ConnectionsFile {
    package static let name = "evalbook.toml"

    /// The connections in `text` (from the file at `path`, for errors).
    package static func parse(_ text: String, path: String) throws(SQLError) -> [(name: String, url: ConnectionURL)] {
        var out: [(name: String, url: ConnectionURL)] = []
        var inConnections = false
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                inConnections = line == "[connections]"
                continue
            }
            guard inConnections else { continue }
            guard let eq = line.firstIndex(of: "=") else {
                throw .connectionsFile(path: path, line: index + 1, reason: "expected NAME = \"URL\"")
            }
            let name = line[..<eq].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\""), !name.isEmpty else {
                throw .connectionsFile(path: path, line: index + 1, reason: "expected NAME = \"URL\"")
            }
            value = String(value.dropFirst().dropLast())
            out.append((name, try ConnectionURL.parse(value, connection: name)))
        }
        return out
    }

    /// `NAME=URL` from `--connect`.
    package static func commandLine(_ text: String) throws(SQLError) -> (name: String, url: ConnectionURL) {
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
            throw .invalidURL(connection: text.prefix { $0 != ":" }.description, reason: "write --connect NAME=URL")
        }
        let name = String(text[..<eq])
        return (name, try ConnectionURL.parse(String(text[text.index(after: eq)...]), connection: name))
    }
}
