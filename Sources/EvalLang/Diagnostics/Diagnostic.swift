/// A located message for the user: what went wrong, where, and maybe how to fix it.
///
/// Every phase's typed error turns into one of these, and `render` is the only
/// place that formats them (SPEC §5b).
package struct Diagnostic: Error, Equatable, Sendable {
    package var span: SourceSpan
    package var message: String
    package var help: String?

    /// The most characters of a source line a diagnostic shows.
    static let window = 120

    package init(span: SourceSpan, message: String, help: String? = nil) {
        self.span = span
        self.message = message
        self.help = help
    }

    /// The compiler-style text: location, message, the source line with a caret
    /// under the span, and the help line.
    ///
    /// ```
    /// notebooks/churn.md:14:9: error: table `test` has no column `churnd`
    ///    14 | y = test.churnd
    ///       |         ^^^^^^^
    /// help: did you mean `churned`?
    /// ```
    package func render(in source: SourceText) -> String {
        var out = "\(source.name):\(span.line):\(span.column): error: \(message)\n"
        if let text = source.lineText(span.line) {
            let number = String(span.line)
            let gutter = String(repeating: " ", count: number.count)
            let chars = Array(text.replacingTabs())
            // Very long lines show a window around the span, so the caret stays readable.
            let start = max(0, min(span.column - 1 - 40, chars.count - Diagnostic.window))
            let end = min(chars.count, start + Diagnostic.window)
            let prefix = start > 0 ? "…" : ""
            let suffix = end < chars.count ? "…" : ""
            out += "   \(number) | \(prefix)\(String(chars[start..<end]))\(suffix)\n"
            let width = min(caretWidth(lineText: text), max(1, end - (span.column - 1)))
            out += "   \(gutter) | " + String(repeating: " ", count: max(0, span.column - 1 - start + prefix.count))
                + String(repeating: "^", count: width) + "\n"
        }
        if let help { out += "help: \(help)\n" }
        return out
    }

    /// The caret covers the span's characters on its first line, at least one.
    private func caretWidth(lineText: String) -> Int {
        let lineChars = Array(lineText)
        let startIndex = span.column - 1
        var remainingBytes = span.end - span.start
        var width = 0
        var i = startIndex
        while remainingBytes > 0, i < lineChars.count {
            remainingBytes -= lineChars[i].utf8.count
            width += 1
            i += 1
        }
        return max(1, width)
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        replacingOccurrences(of: "\t", with: " ")
    }
}
