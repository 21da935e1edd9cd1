import EvalLang

/// Writes `report.md`: the notebook's prose byte for byte, each cell's code, and its outputs as GitHub-flavoured
/// Markdown.
///
/// Nothing in it varies between runs.
package enum MarkdownRenderer {
    package static func render(_ report: Report) -> String {
        var out = ""
        if let title = report.notebook.frontMatter.title { out += "# \(MarkdownText.inline(title))\n\n" }
        if let description = report.notebook.frontMatter.description {
            out += "\(MarkdownText.inline(description))\n\n"
        }
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
                    + report.params.map { MarkdownText.codeSpan("\($0.key) = \($0.value.inlineText)") }.joined(
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
            let fence = MarkdownText.fence(for: code)
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
                out += "\(mark) \(check.passed ? "passed" : "**failed**"): \(MarkdownText.codeSpan(check.expression))"
                if !check.passed, let detail = check.detail { out += " (\(MarkdownText.inline(detail)))" }
                if let message = check.message { out += " — \(MarkdownText.inline(message))" }
                out += " <sub>\(path):\(check.span.line)</sub>\n\n"
            case .warning(let warning):
                out +=
                    "> ⚠ warning: \(MessageText.markdown(warning.message)) <sub>\(path):\(warning.span.line)</sub>\n\n"
            case .figure(let figure, let name) where options.output:
                out += "![\(MarkdownText.inline(figure.title))](figures/\(name).svg)\n\n"
            case .figure:
                break
            }
        }
        if let caption = options.caption { out += "*\(MarkdownText.inline(caption))*\n\n" }
        return out
    }

    static func renderDisplay(_ display: Display) -> String {
        switch display {
        case .text(let text):
            let fence = MarkdownText.fence(for: text)
            return "\(fence)text\n\(text)\n\(fence)\n\n"
        case .table(let table):
            var out = table.headline.map { "**\(MarkdownText.inline($0))**\n\n" } ?? ""
            out += "| " + table.columns.map(MarkdownText.tableCell).joined(separator: " | ") + " |\n"
            out += "|" + table.rightAligned.map { $0 ? " ---: |" : " :--- |" }.joined() + "\n"
            for row in table.rows {
                out += "| " + row.map(MarkdownText.tableCell).joined(separator: " | ") + " |\n"
            }
            if table.omittedRows > 0 { out += "\n*… \(NumberFormat.grouped(table.omittedRows)) more rows*\n" }
            return out + "\n"
        }
    }
}
