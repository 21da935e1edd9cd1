import EvalLang

/// The files of one report version, rendered from the report model.
package struct ReportFiles: Sendable {
    /// Outputs in a fixed order: these are what replay compares byte for byte.
    package var outputs: [(name: String, contents: String)]

    package init(_ report: Report) {
        outputs = [
            ("report.md", MarkdownRenderer.render(report)),
            ("report.html", HTMLRenderer.render(report)),
            ("metrics.json", MetricsFile(report.metrics).text),
            ("notebook.md", report.notebook.source),
        ]
        for block in report.blocks {
            guard case .cell(let cell) = block else { continue }
            for case .figure(let figure, let name) in cell.outputs {
                outputs.append(("figures/\(name).svg", SVGRenderer.render(figure)))
            }
        }
    }
}
