import Foundation
import Testing

/// SPEC §9: a notebook reads files only under its project root unless
/// `--allow-read` says otherwise; `..`, absolute paths and symlinks included.
@Suite("Read policy")
struct ReadPolicyTests {
    /// A project under a parent folder that also holds `outside/x.csv`.
    struct Layout {
        let parent: URL
        let project: Project
        let outside: URL

        init() throws {
            parent = FileManager.default.temporaryDirectory.appendingPathComponent("evalbook-e2e-\(UUID().uuidString)")
            outside = parent.appendingPathComponent("outside")
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            try Data("a\n1\n2\n".utf8).write(to: outside.appendingPathComponent("x.csv"))
            try Data("a\n1\n".utf8).write(to: parent.appendingPathComponent("x.csv"))
            let root = parent.appendingPathComponent("project")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            project = Project(existing: root)
            try FileManager.default.createSymbolicLink(
                atPath: root.appendingPathComponent("link.csv").path,
                withDestinationPath: outside.appendingPathComponent("x.csv").path)
            try Data("a\n7\n".utf8).write(to: root.appendingPathComponent("inside.csv"))
            try FileManager.default.createSymbolicLink(
                atPath: root.appendingPathComponent("inside-link.csv").path,
                withDestinationPath: "inside.csv")
        }

        func reading(_ path: String) throws -> String {
            try project.write("```evalbook\nt = read_csv(\"\(path)\")\nnrow(t)\n```\n", to: "nb.md")
            return "nb.md"
        }

        func remove() { try? FileManager.default.removeItem(at: parent) }
    }

    static func paths(_ layout: Layout) -> [String] {
        [
            "../x.csv", "../outside/x.csv", layout.outside.appendingPathComponent("x.csv").path, "link.csv",
            "sub/../../x.csv",
        ]
    }

    @Test("paths that leave the root are refused with exit 2", arguments: 0..<5)
    func refused(index: Int) throws {
        let layout = try Layout()
        defer { layout.remove() }
        let path = Self.paths(layout)[index]
        try FileManager.default.createDirectory(
            at: layout.project.root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let result = try layout.project.run(try layout.reading(path))
        #expect(result.exited && result.status == 2, "\(path): \(result)")
        #expect(result.stderr.hasPrefix("nb.md:2:14: error: cannot read `\(path)`: "), "\(path): \(result)")
        #expect(result.stderr.contains("outside the project root"), "\(path): \(result)")
        #expect(
            result.stderr.contains("help: notebooks read only under their project root; allow it with --allow-read"),
            "\(path): \(result)")
        #expect(layout.project.list("reports").isEmpty)
    }

    @Test("--allow-read lets those paths through", arguments: 0..<5)
    func allowed(index: Int) throws {
        let layout = try Layout()
        defer { layout.remove() }
        let path = Self.paths(layout)[index]
        try FileManager.default.createDirectory(
            at: layout.project.root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let result = try layout.project.run(try layout.reading(path), ["--allow-read", layout.parent.path])
        #expect(result.exited && result.status == 0, "\(path): \(result)")
    }

    @Test("allowing one folder does not allow its sibling")
    func allowIsNarrow() throws {
        let layout = try Layout()
        defer { layout.remove() }
        let result = try layout.project.run(try layout.reading("../x.csv"), ["--allow-read", layout.outside.path])
        #expect(result.exited && result.status == 2, "\(result)")
        #expect(result.stderr.contains("outside the project root"))
    }

    @Test("files and symlinks inside the root are read")
    func insideRoot() throws {
        let layout = try Layout()
        defer { layout.remove() }
        for path in [
            "inside.csv", "./inside.csv", "inside-link.csv",
            layout.project.root.appendingPathComponent("inside.csv").path,
        ] {
            let result = try layout.project.run(try layout.reading(path))
            #expect(result.exited && result.status == 0, "\(path): \(result)")
        }
    }

    @Test("a missing file or a folder is an error with exit 2")
    func missingAndFolder() throws {
        let layout = try Layout()
        defer { layout.remove() }
        let missing = try layout.project.run(try layout.reading("nope.csv"))
        #expect(missing.exited && missing.status == 2, "\(missing)")
        #expect(missing.stderr.hasPrefix("nb.md:2:14: error: cannot read `nope.csv`: no such file"))
        try FileManager.default.createDirectory(
            at: layout.project.root.appendingPathComponent("folder"), withIntermediateDirectories: true)
        let folder = try layout.project.run(try layout.reading("folder"))
        #expect(folder.exited && folder.status == 2, "\(folder)")
        #expect(folder.stderr.contains("it is a directory"))
    }
}
