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
            "  <testsuite name=\"\(escape(path))\" tests=\"\(report.checks.count)\" failures=\"\(failed)\" errors=\"0\" skipped=\"0\">\n"
        for check in report.checks {
            let name = check.expression + (check.message.map { " — \($0)" } ?? "")
            out +=
                "    <testcase name=\"\(escape(name))\" classname=\"\(escape(path))\" file=\"\(escape(path))\" line=\"\(check.span.line)\""
            if check.passed {
                out += "/>\n"
            } else {
                out +=
                    ">\n      <failure message=\"\(escape(check.summary))\" type=\"expect\">\(escape("\(path):\(check.span.line): \(check.summary)"))</failure>\n    </testcase>\n"
            }
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// A run that stopped at an error: one errored case carrying the diagnostic.
    package static func renderError(path: String, message: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"evalbook\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
        out += "  <testsuite name=\"\(escape(path))\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
        out += "    <testcase name=\"the notebook runs\" classname=\"\(escape(path))\" file=\"\(escape(path))\">\n"
        out +=
            "      <error message=\"the notebook stopped at an error\" type=\"error\">\(escape(message))</error>\n    </testcase>\n"
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// XML text and attribute escaping; control characters XML 1.0 forbids are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            default:
                if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
