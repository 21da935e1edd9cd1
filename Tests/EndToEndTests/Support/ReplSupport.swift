import Foundation

/// A scratch project for REPL tests: a small CSV, its own history folder, and
/// ways to run the REPL on piped input or on a pseudo-terminal.
struct ReplProject {
    let project: Project

    static let orders = """
        city,actual_minutes,predicted_minutes,late
        Oslo,30,28,0
        Oslo,42,35,1
        Bergen,25,27,0
        Bergen,50,41,1

        """

    init() throws {
        project = try Project()
        try project.write(ReplProject.orders, to: "orders.csv")
    }

    var root: URL { project.root }
    var state: URL { root.appendingPathComponent("state") }

    /// HOME and XDG_STATE_HOME inside the project, no colour, a plain xterm.
    var environment: [String: String] {
        var env: [String: String] = [:]
        env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        env["HOME"] = root.path
        env["XDG_STATE_HOME"] = state.path
        env["NO_COLOR"] = "1"
        env["TERM"] = "xterm"
        env["LANG"] = "C.UTF-8"
        env["SWIFT_BACKTRACE"] = "enable=no"
        return env
    }

    /// `evalbook arguments…` in the project with `input` on stdin (not a terminal).
    func pipe(_ input: String, _ arguments: [String] = []) throws -> Evalbook.Result {
        let scratch = root.appendingPathComponent(".io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inURL = scratch.appendingPathComponent("stdin")
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        try Data(input.utf8).write(to: inURL)
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let stdin = try FileHandle(forReadingFrom: inURL)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = Evalbook.binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.environment = environment
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try stdin.close()
        try out.close()
        try err.close()
        return Evalbook.Result(
            status: process.terminationStatus, exited: process.terminationReason == .exit,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// The interactive REPL on a pseudo-terminal, once its first prompt is up.
    func terminal(_ arguments: [String] = []) throws -> PseudoTerminal {
        let pty = try PseudoTerminal(arguments, directory: root, environment: environment)
        try pty.expect("evalbook> ")
        try pty.waitUntilEditing()
        return pty
    }

    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(name).path).map {
            String(decoding: $0, as: UTF8.self)
        }
    }
}
