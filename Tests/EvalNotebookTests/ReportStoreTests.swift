import Foundation
import Testing

@testable import EvalNotebook

/// SPEC §6: versions v1, v2, … with `latest` and `index.md`; no new version when
/// nothing changed; no partial version left behind.
@Suite("Report store")
struct ReportStoreTests {
    /// A notebook whose outputs change with `value`.
    static func notebook(value: Int) -> String {
        """
        ---
        title: Store test
        ---
        Text.

        ```evalbook
        score = \(value) / 10
        expect score > 0.5
        score
        ```

        """
    }

    static func render(value: Int, root: URL) throws -> Report {
        try TestSupport.run(notebook(value: value), path: "store.md", root: root)
    }

    /// Names in `directory` that start with `.staging-`.
    static func staging(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasPrefix(".staging-") }
    }

    @Test("first run v1, identical run unchanged, changed notebook v2 listed above v1")
    func versions() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = ReportStore(directory: root.appendingPathComponent("reports/store").path)
        let dir = store.directory

        let first = try store.write(try Self.render(value: 7, root: root), created: Date(timeIntervalSince1970: 1_000))
        #expect(first == .created(version: "v1", directory: "\(dir)/v1"))
        #expect(store.versions() == ["v1"])
        #expect(TestSupport.read(URL(fileURLWithPath: "\(dir)/latest")) == "v1\n")
        #expect(store.latest() == "v1")
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(dir)/v1").sorted()
        #expect(files == ["manifest.json", "metrics.json", "notebook.md", "report.html", "report.md"])
        let index1 = try #require(TestSupport.read(URL(fileURLWithPath: "\(dir)/index.md")))
        #expect(index1.contains("| [v1](v1/report.md) |"))
        #expect(index1.contains("score = 0.7"))
        #expect(index1.contains("1 passed, 0 failed"))

        let again = try store.write(try Self.render(value: 7, root: root), created: Date(timeIntervalSince1970: 2_000))
        #expect(again == .unchanged(version: "v1", directory: "\(dir)/v1"))
        #expect(store.versions() == ["v1"])
        #expect(TestSupport.read(URL(fileURLWithPath: "\(dir)/index.md")) == index1)

        let changed = try store.write(
            try Self.render(value: 3, root: root), created: Date(timeIntervalSince1970: 3_000))
        #expect(changed == .created(version: "v2", directory: "\(dir)/v2"))
        #expect(store.versions() == ["v1", "v2"])
        #expect(TestSupport.read(URL(fileURLWithPath: "\(dir)/latest")) == "v2\n")
        #expect(store.latest() == "v2")
        let index2 = try #require(TestSupport.read(URL(fileURLWithPath: "\(dir)/index.md")))
        let v1 = try #require(index2.range(of: "[v1](v1/report.md)"))
        let v2 = try #require(index2.range(of: "[v2](v2/report.md)"))
        #expect(v2.lowerBound < v1.lowerBound, "the newest version comes first")
        #expect(index2.contains("0 passed, 1 failed"))
        #expect(
            TestSupport.read(URL(fileURLWithPath: "\(dir)/v1/report.md"))
                != TestSupport.read(URL(fileURLWithPath: "\(dir)/v2/report.md")))
        #expect(Self.staging(in: dir).isEmpty, "a staging folder was left behind")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test("going back to an earlier result makes a new version: only the latest counts")
    func onlyLatestCompared() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = ReportStore(directory: root.appendingPathComponent("r").path)
        _ = try store.write(try Self.render(value: 7, root: root))
        _ = try store.write(try Self.render(value: 3, root: root))
        #expect(
            try store.write(try Self.render(value: 7, root: root))
                == .created(version: "v3", directory: "\(store.directory)/v3"))
    }

    @Test("only folders named v1, v2, … are versions, in numeric order")
    func versionNames() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["v2", "v10", "v1", "v0", "v01", "vx", "v-1", "notes", ".staging-1-2"] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let store = ReportStore(directory: root.path)
        #expect(store.versions() == ["v1", "v2", "v10"])
        #expect(store.latest() == "v10", "without a latest file the highest version is the latest")
        // `latest` is derived from the versions on disk (and rewritten from them on every write), so a stale or
        // tampered file cannot make a reader take an older version for the newest.
        try Data("v2\n".utf8).write(to: root.appendingPathComponent("latest"))
        #expect(store.latest() == "v10", "a latest file naming an older version is not trusted")
        try Data("v99\n".utf8).write(to: root.appendingPathComponent("latest"))
        #expect(store.latest() == "v10", "a latest that names no version is ignored")
    }

    @Test("a store that cannot be created is an error, not a crash, and leaves nothing")
    func unwritable() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = try TestSupport.write("not a folder", to: "file", in: root)
        let store = ReportStore(directory: file.appendingPathComponent("reports").path)
        let report = try Self.render(value: 7, root: root)
        #expect(throws: StoreError.self) {
            try store.write(report)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["file"])
    }
}
