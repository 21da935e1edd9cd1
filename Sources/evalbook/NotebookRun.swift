import EvalLang
import EvalNotebook
import Foundation

/// Running a parsed notebook and storing its report: the one path shared by
/// `evalbook run` and the REPL's `:report`, so both make the same versions.
enum NotebookRun {
    /// Runs `notebook`, prints failed checks and warnings, writes a version under `reports/NAME/` and prints where,
    /// with the headline numbers.
    ///
    /// Errors are printed; the result is nil after one. With `junit`, the checks (or the error that stopped the
    /// run) are also written there as JUnit XML.
    static func runAndStore(_ notebook: Notebook, options: RunOptions, reports: String, junit: String? = nil) -> Report?
    {
        let report: Report
        do { report = try NotebookRunner.run(notebook, options: options) } catch {
            Terminal.report(error.diagnostic)
            if let junit {
                let message = DiagnosticPrinter().render(error.diagnostic)
                _ = writeJUnit(JUnitWriter.renderError(path: notebook.path, message: message), to: junit)
            }
            return nil
        }
        // CI reads the JUnit file: a run that cannot write it has failed, whatever its checks say.
        if let junit, !writeJUnit(JUnitWriter.render(report), to: junit) { return nil }
        Output.checksAndWarnings(report.checks, report.warnings, path: notebook.path)
        let store = ReportStore(directory: reports + "/" + notebook.name)
        let outcome: StoreOutcome
        do { outcome = try store.write(report) } catch {
            Terminal.report(error.diagnostic)
            return nil
        }
        switch outcome {
        case .created(let version, let directory):
            Terminal.out("wrote \(version): \(Output.relative(directory))/report.md\n")
        case .unchanged(let version, let directory):
            Terminal.out(
                "unchanged: outputs are identical to \(version), no new version: \(Output.relative(directory))/report.md\n"
            )
        }
        Output.headline(report)
        return report
    }

    /// Writes the JUnit XML; false (after printing why) when it cannot.
    static func writeJUnit(_ xml: String, to path: String) -> Bool {
        do { try xml.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            Terminal.report(StoreError.cannotWrite(path, underlying: error).diagnostic)
            return false
        }
        return true
    }
}
