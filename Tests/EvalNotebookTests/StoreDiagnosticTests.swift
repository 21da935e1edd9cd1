import EvalLang
import Foundation
import Testing

@testable import EvalNotebook

/// Every store, schema, replay and diff error as the executable prints it.
@Suite("Store, replay and diff diagnostics")
struct StoreDiagnosticTests {
    static let manifest = "reports/churn/v1/manifest.json"

    /// Schema errors and what follows the manifest's path when printed.
    static let schemaCases: [(SchemaError, String)] = [
        (.notFound, ": error: manifest.json is missing\n"),
        (.unreadable, ": error: manifest.json cannot be read\n"),
        (
            .syntax(JSONSyntaxError(problem: .numberOutOfRange("1e400"), line: 14, column: 11)),
            ":14:11: error: manifest.json is not valid JSON: the number `1e400` is out of range\n"
        ),
        (
            .syntax(JSONSyntaxError(problem: .unexpectedEnd, line: 20, column: 3)),
            ":20:3: error: manifest.json is not valid JSON: the text ends inside a value\n"
                + "help: the file may be truncated\n"
        ),
        (
            .syntax(JSONSyntaxError(problem: .tooDeep(limit: 64), line: 1, column: 65)),
            ":1:65: error: manifest.json is not valid JSON: arrays and objects nest deeper than 64 levels\n"
        ),
        (
            .syntax(JSONSyntaxError(problem: .duplicateKey("seed"), line: 3, column: 3)),
            ":3:3: error: manifest.json is not valid JSON: the key `seed` appears twice in one object\n"
        ),
        (
            .syntax(JSONSyntaxError(problem: .unexpected(found: "`]`", expected: "a value"), line: 2, column: 9)),
            ":2:9: error: manifest.json is not valid JSON: expected a value, found `]`\n"
        ),
        (
            .missingField("checks.failures[0].check"),
            ": error: manifest.json has no field `checks.failures[0].check`\n"
        ),
        (
            .wrongType(field: "seed", expected: "a whole number ≥ 0"),
            ": error: field `seed` of manifest.json must be a whole number ≥ 0\n"
        ),
        (.wrongType(field: "", expected: "an object"), ": error: manifest.json must be an object\n"),
        (
            .newerSchema(3),
            ": error: manifest.json has schema version 3; evalbook \(EvalbookVersion.current) reads versions 1 to 2\n"
                + "help: read this report with a newer evalbook\n"
        ),
    ]

    @Test("a schema error is located in its file", arguments: schemaCases)
    func schema(error: SchemaError, expected: String) {
        #expect(printed(ReplayError.unreadableManifest(Self.manifest, error).diagnostic) == Self.manifest + expected)
        #expect(printed(DiffError.unreadableManifest(Self.manifest, error).diagnostic) == Self.manifest + expected)
    }

    @Test("replay errors")
    func replay() {
        #expect(
            printed(ReplayError.notAVersion("reports/churn").diagnostic)
                == "error: reports/churn is not a report version: it has no manifest.json\n"
                + "help: give a version folder such as reports/churn/v3, or a report folder for its latest version\n")
        #expect(
            printed(ReplayError.noNotebook("reports/churn/v1").diagnostic)
                == "error: reports/churn/v1 has no notebook.md to replay\n")
    }

    @Test("diff errors")
    func diff() {
        #expect(
            printed(DiffError.notAVersion("notes").diagnostic)
                == "error: notes is not a report version: it has no manifest.json\n"
                + "help: give two version folders such as reports/churn/v1 reports/churn/v2, or one report folder\n")
        #expect(
            printed(DiffError.unreadableMetrics("reports/churn/v1/metrics.json", .notFound).diagnostic)
                == "reports/churn/v1/metrics.json: error: metrics.json is missing\n")
        #expect(
            printed(DiffError.tooFewVersions(folder: "reports/churn", count: 1).diagnostic)
                == "error: reports/churn has 1 version; a diff needs two\n"
                + "help: run the notebook again after a change, or give two version folders\n")
        #expect(
            printed(DiffError.tooFewVersions(folder: "reports/none", count: 0).diagnostic)
                == "error: reports/none has 0 versions; a diff needs two\n"
                + "help: run the notebook again after a change, or give two version folders\n")
    }

    @Test("store errors keep the failing call's error and word it at the path")
    func store() {
        #expect(
            printed(StoreError.blockedByFile(path: "out/reports/nb", file: "/p/out").diagnostic)
                == "out/reports/nb: error: cannot create this folder: /p/out is a file, not a folder\n"
                + "help: write the reports somewhere else, or move the file\n")
        let denied = NSError(
            domain: NSCocoaErrorDomain, code: 513,
            userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES))])
        #expect(
            printed(StoreError.cannotCreateFolder("reports/nb", underlying: denied).diagnostic)
                == "reports/nb: error: cannot create this folder: \(String(cString: strerror(EACCES)))\n")
        #expect(
            printed(StoreError.cannotWrite("reports/nb/v1/report.md", underlying: POSIXError(.ENOSPC)).diagnostic)
                == "reports/nb/v1/report.md: error: cannot write this file: \(String(cString: strerror(ENOSPC)))\n")
        let other = NSError(domain: "Elsewhere", code: 1, userInfo: [NSLocalizedDescriptionKey: "the disk is gone"])
        #expect(
            printed(StoreError.cannotWrite("out.xml", underlying: other).diagnostic)
                == "out.xml: error: cannot write this file: the disk is gone\n")
        #expect(
            printed(StoreError.cannotMove(to: "reports/nb/v2", errno: EXDEV).diagnostic)
                == "reports/nb/v2: error: cannot move the written files into place: "
                + "\(String(cString: strerror(EXDEV)))\n")
    }

    @Test("a store under a file names the file")
    func storeUnderAFile() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = try TestSupport.write("not a folder", to: "file", in: root)
        let store = ReportStore(directory: file.appendingPathComponent("reports").path)
        let report = try TestSupport.run("```evalbook\nx = 1\n```\n", root: root)
        do {
            _ = try store.write(report)
            Issue.record("the store was written under a file")
        } catch {
            guard case .blockedByFile(let path, let blocking) = error else {
                Issue.record("unexpected \(printed(error.diagnostic))")
                return
            }
            #expect(path == store.directory)
            #expect(blocking == file.standardizedFileURL.path)
        }
    }
}
