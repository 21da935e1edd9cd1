import EvalLang

/// Writes `report.md`: the notebook's prose byte for byte, each cell's code, and its outputs as GitHub-flavoured
/// Markdown.
///
/// Nothing in it varies between runs.
package enum MarkdownRenderer {
    package static func render(_ report: Report) -> String {
        var out = ""
        if let title = report.notebook.frontMatter.title { out += "# \(escapeInline(title))\n\n" }
        if let description = report.notebook.frontMatter.description { out += "\(escapeInline(description))\n\n" }
        out += summaryLine(report)
        for block in report.blocks {
            switch block {
            case .prose(let text):
                out += text
            case .cell(let cell):
                out += renderCell(cell, path: report.notebook.path)
            }
        }
        if !out.hasSuffix("\n") { out += "\n" }
        return out
    }

    /// `Params: …  ·  Seed: 0  ·  Checks: 2 passed, 0 failed`.
    static func summaryLine(_ report: Report) -> String {
        var parts: [String] = []
        if !report.params.isEmpty {
            parts.append(
                "Params: "
                    + report.params.map { MessageText.inlineCode("\($0.key) = \($0.value.inlineText)") }.joined(
                        separator: ", "))
        }
        parts.append("Seed: \(report.seed)")
        if !report.checks.isEmpty {
            parts.append("Checks: \(report.passedChecks) passed, \(report.failedChecks) failed")
        }
        return "<sub>" + parts.joined(separator: " · ") + "</sub>\n\n"
    }

    static func renderCell(_ report: CellReport, path: String) -> String {
        var out = ""
        let options = report.cell.options
        if options.echo {
            let code = report.cell.displayCode
            let fence = fenceFor(code)
            out += "\(fence)evalbook\n\(code)\n\(fence)\n\n"
        }
        for output in report.outputs {
            switch output {
            case .display(let display) where options.output:
                out += renderDisplay(display)
            case .display:
                break
            case .check(let check):
                let mark = check.passed ? "✔" : "✘"
                out += "\(mark) \(check.passed ? "passed" : "**failed**"): \(MessageText.inlineCode(check.expression))"
                if !check.passed, let detail = check.detail { out += " (\(escapeInline(detail)))" }
                if let message = check.message { out += " — \(escapeInline(message))" }
                out += " <sub>\(path):\(check.span.line)</sub>\n\n"
            case .warning(let warning):
                out +=
                    "> ⚠ warning: \(MessageText.markdown(warning.message)) <sub>\(path):\(warning.span.line)</sub>\n\n"
            case .figure(let figure, let name) where options.output:
                out += "![\(escapeInline(figure.title))](figures/\(name).svg)\n\n"
            case .figure:
                break
            }
        }
        if let caption = options.caption { out += "*\(escapeInline(caption))*\n\n" }
        return out
    }

    static func renderDisplay(_ display: Display) -> String {
        switch display {
        case .text(let text):
            let fence = fenceFor(text)
            return "\(fence)text\n\(text)\n\(fence)\n\n"
        case .table(let table):
            var out = table.headline.map { "**\(escapeInline($0))**\n\n" } ?? ""
            out += "| " + table.columns.map(escapeCell).joined(separator: " | ") + " |\n"
            out += "|" + table.rightAligned.map { $0 ? " ---: |" : " :--- |" }.joined() + "\n"
            for row in table.rows {
                out += "| " + row.map(escapeCell).joined(separator: " | ") + " |\n"
            }
            if table.omittedRows > 0 { out += "\n*… \(NumberFormat.grouped(table.omittedRows)) more rows*\n" }
            return out + "\n"
        }
    }

    /// A backtick fence longer than any run of backticks inside `text`.
    static func fenceFor(_ text: String) -> String {
        var longest = 0, run = 0
        for ch in text {
            run = ch == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }

    /// Data strings in a table cell: pipes, newlines and Markdown punctuation escaped.
    static func escapeCell(_ s: String) -> String {
        escapeInline(s).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Escapes characters that Markdown would interpret, and any HTML.
    static func escapeInline(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "!": out += "\\\(ch)"
            case "&": out += "&amp;"
            case "\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
