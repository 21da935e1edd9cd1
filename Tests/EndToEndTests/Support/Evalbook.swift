import Foundation
import Testing

/// Runs the built `evalbook` binary and captures what it did.
enum Evalbook {
    /// What one run of the binary did.
    struct Result: CustomStringConvertible {
        var status: Int32
        /// False when the process died of a signal (a trap, a crash).
        var exited: Bool
        var stdout: String
        var stderr: String

        var description: String {
            "\(exited ? "exit" : "signal") \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
        }
    }

    /// The `evalbook` executable: next to the test bundle (on Linux the bundle's
    /// folder is `.build/debug` or the scratch path's), else `<repo>/.build/debug`.
    static let binary: URL = {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["EVALBOOK_BINARY"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("evalbook"))
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("evalbook"))
        }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(repo.appendingPathComponent(".build/debug/evalbook"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? candidates[candidates.count - 1]
    }()

    /// Runs `evalbook arguments…` in `directory` with stdin empty and colours off.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "evalbook-e2e-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(
            status: process.terminationStatus,
            exited: process.terminationReason == .exit,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// A scratch project folder: notebooks and data go in, reports come out.
struct Project {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("evalbook-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// A project in a folder that already exists.
    init(existing root: URL) {
        self.root = root
    }

    var reports: URL { root.appendingPathComponent("reports") }

    /// Writes a text file under the root.
    @discardableResult
    func write(_ text: String, to name: String) throws -> URL {
        try write(Data(text.utf8), to: name)
    }

    /// Writes bytes under the root.
    @discardableResult
    func write(_ data: Data, to name: String) throws -> URL {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url
    }

    /// `evalbook run NOTEBOOK --root ROOT --reports ROOT/reports extra…`, from the root.
    func run(_ notebook: String, _ extra: [String] = []) throws -> Evalbook.Result {
        try Evalbook.run(["run", notebook, "--root", root.path, "--reports", reports.path] + extra, in: root)
    }

    /// Entries of a folder under the root, sorted; empty when it does not exist.
    func list(_ name: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(name).path)) ?? []).sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
