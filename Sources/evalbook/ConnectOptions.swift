import EvalLang
import EvalPostgres
import EvalSQL
import Foundation

/// The named connections of a run: the project's `evalbook.toml`, then `--connect
/// NAME=URL` (which wins for a name defined in both), opened by the transports this
/// executable links (PostgreSQL now; Spark plugs in here the same way).
enum ConnectOptions {
    /// The connections, or nil (after printing why) when one cannot be used.
    static func connections(root: String, commandLine: [String]) -> Connections? {
        var urls: [(name: String, url: ConnectionURL)] = []
        do throws(SQLError) {
            let path = root + "/" + ConnectionsFile.name
            if let data = FileManager.default.contents(atPath: path) {
                urls += try ConnectionsFile.parse(String(decoding: data, as: UTF8.self), path: ConnectionsFile.name)
            }
            for text in commandLine { urls.append(try ConnectionsFile.commandLine(text)) }
        } catch {
            let words = error.words
            Terminal.report(Diagnostic(words.message, help: words.help))
            return nil
        }
        return Connections(urls: urls, connector: PostgresConnector.connect)
    }
}
