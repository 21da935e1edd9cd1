import Foundation
import Testing

@testable import EvalNotebook

/// SPEC §4, §6: the same notebook gives the same bytes, run after run.
@Suite("Determinism")
struct DeterminismTests {
    static let runFiles = ["report.md", "report.html", "metrics.json"]

    @Test("two runs render byte-identical report.md, report.html and metrics.json")
    func twoRunsAgree() throws {
        let first = ReportFiles(try GoldenTests.render())
        let second = ReportFiles(try GoldenTests.render())
        for name in Self.runFiles {
            let a = first.outputs.first { $0.name == name }?.contents
            let b = second.outputs.first { $0.name == name }?.contents
            #expect(a != nil && a == b, "\(name) differs between two runs")
        }
    }

    @Test("the thread count does not change a byte")
    func threadCountDoesNotMatter() throws {
        let one = ReportFiles(try GoldenTests.render(threads: 1))
        let four = ReportFiles(try GoldenTests.render(threads: 4))
        #expect(one.outputs.map(\.contents) == four.outputs.map(\.contents))
    }

    @Test("stored versions written at different times differ only in manifest.json")
    func storedAtDifferentTimes() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let early = ReportStore(directory: directory.appendingPathComponent("a").path)
        let late = ReportStore(directory: directory.appendingPathComponent("b").path)
        _ = try early.write(try GoldenTests.render(), created: Date(timeIntervalSince1970: 0))
        _ = try late.write(try GoldenTests.render(), created: Date(timeIntervalSince1970: 2_000_000_000))
        for name in Self.runFiles + ["notebook.md"] {
            let a = FileManager.default.contents(atPath: "\(early.directory)/v1/\(name)")
            let b = FileManager.default.contents(atPath: "\(late.directory)/v1/\(name)")
            #expect(a != nil && a == b, "\(name) differs between two stored runs")
        }
        let manifestA = FileManager.default.contents(atPath: "\(early.directory)/v1/manifest.json")
        let manifestB = FileManager.default.contents(atPath: "\(late.directory)/v1/manifest.json")
        #expect(manifestA != manifestB, "the creation time lives in manifest.json")
    }

    @Test("report.md and report.html hold no timestamp")
    func noTimestamp() throws {
        let files = ReportFiles(try GoldenTests.render())
        let year = String(Calendar(identifier: .gregorian).component(.year, from: Date()))
        for name in ["report.md", "report.html"] {
            let text = try #require(files.outputs.first { $0.name == name }?.contents)
            #expect(!text.contains(year), "\(name) mentions the current year")
            #expect(text.range(of: #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"#, options: .regularExpression) == nil)
        }
    }
}
