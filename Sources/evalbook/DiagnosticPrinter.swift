import EvalLang
import EvalNotebook

/// The one place a `Diagnostic` becomes text (SPEC §5b): location, severity and message,
/// the source line with a caret under the span, then `help:` and `note:` lines.
///
/// ```
/// notebooks/churn.md:14:9: error: table `test` has no column `churnd`
///    14 | y = test.churnd
///       |         ^^^^^^^
/// help: did you mean `churned`?
/// ```
///
/// Colour (severity, caret, help) only when asked: the caller knows whether its stream is
/// a terminal and whether `NO_COLOR` is set. Source text from a notebook goes through
/// `TerminalText.safe`, so control bytes from data never reach the terminal raw.
struct DiagnosticPrinter {
    /// The most characters of a source line shown; longer lines show a window around the caret.
    static let window = 120
    /// How far before the caret a window starts.
    static let lead = 40

    var color: Bool

    init(color: Bool = false) {
        self.color = color
    }

    /// The whole finding, ending in a newline.
    func render(_ d: Diagnostic) -> String {
        var out = ""
        if let location = d.location {
            out += location.file
            if let line = location.line {
                out += ":\(line)"
                if let column = location.column { out += ":\(column)" }
            }
            out += ": "
        }
        out += paint(d.severity.rawValue + ":", severityCode(d.severity)) + " " + TerminalText.safe(d.message) + "\n"
        if let location = d.location, let line = location.line, let column = location.column,
            let text = location.sourceLine
        {
            out += caretLines(line: line, column: column, width: location.width, text: text)
        }
        if let help = d.help { out += paint("help:", "36") + " " + TerminalText.safe(help) + "\n" }
        for note in d.notes { out += paint("note:", "36") + " " + TerminalText.safe(note) + "\n" }
        return out
    }

    /// The source line (a window of it when long) and the caret under the span.
    private func caretLines(line: Int, column: Int, width: Int, text: String) -> String {
        let number = String(line)
        let gutter = String(repeating: " ", count: number.count)
        let chars = Array(TerminalText.safe(text.replacingTabs()))
        let start = max(0, min(column - 1 - Self.lead, chars.count - Self.window))
        let end = min(chars.count, start + Self.window)
        let prefix = start > 0 ? "…" : ""
        let suffix = end < chars.count ? "…" : ""
        let shown = start < end ? String(chars[start..<end]) : ""
        let caretWidth = min(width, max(1, end - (column - 1)))
        let indent = String(repeating: " ", count: max(0, column - 1 - start + prefix.count))
        return "   \(number) | \(prefix)\(shown)\(suffix)\n"
            + "   \(gutter) | " + indent + paint(String(repeating: "^", count: caretWidth), "31") + "\n"
    }

    private func severityCode(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .note: "1;36"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        var out = ""
        out.unicodeScalars.append(contentsOf: unicodeScalars.map { $0 == "\t" ? " " : $0 })
        return out
    }
}
