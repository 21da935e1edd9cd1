import Testing

/// Every test against the private server, one at a time: each blocks a thread of the
/// test runner while the engine answers, as the interpreter blocks its worker thread.
@Suite(.serialized) struct PostgreSQLTests {}
