import EvalData
import EvalLang
import Foundation

/// Writes `report.html`: one self-contained page with inline CSS and no scripts.
///
/// Prose goes through cmark (raw HTML is dropped); tables, outputs and checks are
/// drawn from the report model, never by re-parsing Markdown, and every string
/// that comes from data is escaped.
package enum HTMLRenderer {
    package static func render(_ report: Report) -> String {
        var body = "<header>\n"
        body += "<h1>\(HTMLText.escape(report.title))</h1>\n"
        if let description = report.notebook.frontMatter.description {
            body += "<p class=\"description\">\(HTMLText.escape(description))</p>\n"
        }
        body += provenance(report)
        body += "</header>\n"
        body += blocksHTML(report)
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(report.title))</title>
            <style>
            \(HTMLStyle.css)
            </style>
            </head>
            <body>
            <main>
            \(body)</main>
            </body>
            </html>

            """
    }

    /// Prose and cells in order.
    ///
    /// The prose is rendered from the notebook's whole body in one cmark parse (so reference links defined anywhere
    /// resolve), split at the cells; blank prose between two cells makes no block.
    static func blocksHTML(_ report: Report) -> String {
        let cellCount = report.blocks.filter { if case .cell = $0 { true } else { false } }.count
        var prose = MarkdownDocument(report.notebook.body)?.proseHTML(isCell: Notebook.isCell(info:)) ?? []
        if prose.count != cellCount + 1 {
            // Not expected: fall back to rendering each prose segment on its own.
            prose = []
        }
        var out = ""
        var cellIndex = 0
        for block in report.blocks {
            switch block {
            case .prose(let text) where prose.isEmpty:
                out += proseDiv(MarkdownDocument.html(text))
            case .prose:
                break
            case .cell(let cell):
                if !prose.isEmpty { out += proseDiv(prose[cellIndex]) }
                out += renderCell(cell, path: report.notebook.path)
                cellIndex += 1
            }
        }
        if let last = prose.last { out += proseDiv(last) }
        return out
    }

    static func proseDiv(_ html: String) -> String {
        html.isEmpty ? "" : "<div class=\"prose\">\n\(html)</div>\n"
    }

    static func provenance(_ report: Report) -> String {
        var items: [String] = []
        for (name, value) in report.params {
            items.append(
                "<span class=\"param\"><code>\(HTMLText.escape(name)) = \(HTMLText.escape(value.inlineText))</code></span>"
            )
        }
        items.append("<span>seed \(report.seed)</span>")
        if !report.checks.isEmpty {
            let failed = report.failedChecks
            items.append(
                "<span class=\"\(failed > 0 ? "failed" : "passed")\">checks: \(report.passedChecks) passed, \(failed) failed</span>"
            )
        }
        if !report.warnings.isEmpty {
            items.append(
                "<span class=\"warning\">\(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s")</span>"
            )
        }
        var source = [
            "evalbook \(EvalbookVersion.current)",
            "<code>\(HTMLText.escape(report.notebook.path))</code> \(shortHash(FileDigest.sha256(Data(report.notebook.source.utf8))))",
        ]
        // Inputs with short hashes: enough to tell which data a reader is looking at;
        // the full hashes are in manifest.json.
        for input in report.inputs {
            let hash = FileDigest.sha256(fileAt: input.resolvedPath).map { shortHash($0.sha256) } ?? "unreadable"
            source.append("<code>\(HTMLText.escape(input.path))</code> \(hash)")
        }
        return "<p class=\"meta\">" + items.joined(separator: " · ") + "</p>\n"
            + "<p class=\"meta provenance\">" + source.joined(separator: " · ") + "</p>\n"
    }

    /// The first 12 hex digits of a SHA-256, as in `git log --abbrev=12`.
    static func shortHash(_ sha256: String) -> String {
        "<span class=\"hash\">\(HTMLText.escape(String(sha256.prefix(12))))</span>"
    }

    static func renderCell(_ report: CellReport, path: String) -> String {
        let options = report.cell.options
        let id = options.label.map { " id=\"\(HTMLText.escape($0))\"" } ?? ""
        var out = ""
        if options.echo {
            out += "<pre class=\"code\"><code>\(HTMLText.escape(report.cell.displayCode))</code></pre>\n"
        }
        for output in report.outputs {
            switch output {
            case .display(let display) where options.output:
                out += renderDisplay(display)
            case .display:
                break
            case .check(let check):
                let cls = check.passed ? "check passed" : "check failed"
                var text =
                    "<span class=\"mark\">\(check.passed ? "✔" : "✘")</span> \(check.passed ? "passed" : "failed"): <code>\(HTMLText.escape(check.expression))</code>"
                if !check.passed, let detail = check.detail { text += " (\(HTMLText.escape(detail)))" }
                if let message = check.message { text += " — \(HTMLText.escape(message))" }
                out +=
                    "<p class=\"\(cls)\">\(text) <span class=\"loc\">\(HTMLText.escape(path)):\(check.span.line)</span></p>\n"
            case .warning(let warning):
                out +=
                    "<p class=\"warning\">⚠ warning: \(MessageText.html(warning.message)) <span class=\"loc\">\(HTMLText.escape(path)):\(warning.span.line)</span></p>\n"
            case .figure(let figure, _) where options.output:
                out += "<figure>\n" + SVGRenderer.render(figure) + "\n</figure>\n"
            case .figure:
                break
            }
        }
        if let caption = options.caption { out += "<p class=\"caption\">\(HTMLText.escape(caption))</p>\n" }
        // A cell that shows nothing (no code, no output, no check) leaves no empty
        // box, unless its label is an anchor someone may link to.
        return out.isEmpty && options.label == nil ? "" : "<section class=\"cell\"\(id)>\n" + out + "</section>\n"
    }

    static func renderDisplay(_ display: Display) -> String {
        switch display {
        case .text(let text):
            return "<pre class=\"output\">\(HTMLText.escape(text))</pre>\n"
        case .table(let table):
            var out = table.headline.map { "<p><strong>\(HTMLText.escape($0))</strong></p>\n" } ?? ""
            out += "<div class=\"table\"><table>\n<thead><tr>"
            for (name, right) in zip(table.columns, table.rightAligned) {
                out += "<th\(right ? " class=\"num\"" : "")>\(HTMLText.escape(name))</th>"
            }
            out += "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                out += "<tr>"
                for (cell, right) in zip(row, table.rightAligned) {
                    out += "<td\(right ? " class=\"num\"" : "")>\(HTMLText.escape(cell))</td>"
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n</table>"
            if table.omittedRows > 0 {
                out += "<p class=\"more\">… \(NumberFormat.grouped(table.omittedRows)) more rows</p>"
            }
            return out + "</div>\n"
        }
    }
}
