import Synchronization

/// Opens a connection to `url` (the transport: PostgreSQL, later Spark).
package typealias Connector = @Sendable (_ name: String, _ url: ConnectionURL) throws(SQLError) -> any SQLEngine

/// The named connections a run may open, from `--connect NAME=URL` and the project's
/// connections file, and the engines opened so far (one per name, closed at the end).
///
/// The executable makes it with the transports it links; the language only asks it for
/// a name, so nothing below the executable knows which network library answers.
package final class Connections: Sendable {
    package let urls: [(name: String, url: ConnectionURL)]
    private let connector: Connector
    private let open = Mutex<[String: any SQLEngine]>([:])

    package init(urls: [(name: String, url: ConnectionURL)], connector: @escaping Connector) {
        self.urls = urls
        self.connector = connector
    }

    /// The names a notebook may connect to.
    package var names: [String] { urls.map(\.name) }

    /// The engine of `name`, connecting the first time.
    package func engine(named name: String) throws(SQLError) -> any SQLEngine {
        if let engine = open.withLock({ $0[name] }) { return engine }
        guard let url = urls.last(where: { $0.name == name })?.url else {
            throw .unknownConnection(name, candidates: names)
        }
        let engine = try connector(name, url)
        open.withLock { $0[name] = engine }
        return engine
    }

    /// Closes every engine opened so far.
    package func closeAll() {
        let engines = open.withLock { open in
            defer { open = [:] }
            return Array(open.values)
        }
        for engine in engines { engine.close() }
    }
}
