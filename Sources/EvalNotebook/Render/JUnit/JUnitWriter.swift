import EvalLang

/// The checks of a run as JUnit XML, the format CI systems (GitHub Actions reporters,
/// GitLab, Jenkins) display as a test report: one test case per `expect` line.
///
/// No timestamps or durations, so the file is as reproducible as the report.
package enum JUnitWriter {
    package static func render(_ report: Report) -> String {
        let path = report.notebook.path
        let failed = report.failedChecks
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"evalbook\" tests=\"\(report.checks.count)\" failures=\"\(failed)\" errors=\"0\">\n"
        out +=
            "  <testsuite name=\"\(XMLText.escape(path))\" tests=\"\(report.checks.count)\" failures=\"\(failed)\" errors=\"0\" skipped=\"0\">\n"
        for check in report.checks {
            let name = check.expression + (check.message.map { " — \($0)" } ?? "")
            out +=
                "    <testcase name=\"\(XMLText.escape(name))\" classname=\"\(XMLText.escape(path))\" file=\"\(XMLText.escape(path))\" line=\"\(check.span.line)\""
            if check.passed {
                out += "/>\n"
            } else {
                out +=
                    ">\n      <failure message=\"\(XMLText.escape(check.summary))\" type=\"expect\">\(XMLText.escape("\(path):\(check.span.line): \(check.summary)"))</failure>\n    </testcase>\n"
            }
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// A run that stopped at an error: one errored case carrying the diagnostic.
    package static func renderError(path: String, message: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"evalbook\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
        out += "  <testsuite name=\"\(XMLText.escape(path))\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
        out +=
            "    <testcase name=\"the notebook runs\" classname=\"\(XMLText.escape(path))\" file=\"\(XMLText.escape(path))\">\n"
        out +=
            "      <error message=\"the notebook stopped at an error\" type=\"error\">\(XMLText.escape(message))</error>\n    </testcase>\n"
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }
}
