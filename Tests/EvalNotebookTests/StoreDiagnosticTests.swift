import EvalLang
import Foundation
import Testing

@testable import EvalNotebook

/// Every store error as the executable prints it.
@Suite("Store, replay and diff diagnostics")
struct StoreDiagnosticTests {
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
