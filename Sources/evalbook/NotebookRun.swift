import EvalLang
import EvalNotebook
import Foundation

/// Running a parsed notebook and storing its report: the one path shared by
/// `evalbook run` and the REPL's `:report`, so both make the same versions.
enum NotebookRun {
    /// Runs `notebook`, prints failed checks and warnings, writes a version under
    /// `reports/NAME/` and prints where, with the headline numbers. Errors are
    /// printed; the result is nil after one.
    static func runAndStore(_ notebook: Notebook, options: RunOptions, reports: String) -> Report? {
        let report: Report
        do { report = try NotebookRunner.run(notebook, options: options) } catch {
            switch error {
            case .notebook(let e): Terminal.error(e.rendered)
            case .cell(let rendered, _): Terminal.error(rendered)
            }
            return nil
        }
        Output.checksAndWarnings(report.checks, report.warnings, path: notebook.path)
        let store = ReportStore(directory: reports + "/" + notebook.name)
        let outcome: StoreOutcome
        do { outcome = try store.write(report) } catch {
            Terminal.error("error: \(error)\n")
            return nil
        }
        switch outcome {
        case .created(let version, let directory):
            Terminal.out("wrote \(version): \(Output.relative(directory))/report.md\n")
        case .unchanged(let version, let directory):
            Terminal.out("unchanged: outputs are identical to \(version), no new version: \(Output.relative(directory))/report.md\n")
        }
        Output.headline(report)
        return report
    }
}
