import EvalData
import EvalLang
import Foundation

/// The files of one report version, rendered from the report model.
package struct ReportFiles: Sendable {
    /// Outputs in a fixed order: these are what replay compares byte for byte.
    package var outputs: [(name: String, contents: String)]

    package init(_ report: Report) {
        outputs = [
            ("report.md", MarkdownRenderer.render(report)),
            ("report.html", HTMLRenderer.render(report)),
            ("metrics.json", ReportFiles.metricsJSON(report)),
            ("notebook.md", report.notebook.source),
        ]
        for block in report.blocks {
            guard case .cell(let cell) = block else { continue }
            for case .figure(let figure, let name) in cell.outputs {
                outputs.append(("figures/\(name).svg", SVGRenderer.render(figure)))
            }
        }
    }

    static func metricsJSON(_ report: Report) -> String {
        JSON.object(report.metrics.map { ($0.key, JSON($0.value)) }).text() + "\n"
    }

    /// `manifest.json`: provenance of a version (SPEC §6); the only file with a time in it.
    static func manifest(_ report: Report, outputs: [(name: String, contents: String)], created: Date) -> String {
        let inputs: [JSON] = report.inputs.map { input in
            let digest = FileDigest.sha256(fileAt: input.resolvedPath)
            return .object([
                ("path", .string(input.path)),
                ("bytes", digest.map { .number(Double($0.bytes)) } ?? .null),
                ("sha256", digest.map { .string($0.sha256) } ?? .null),
            ])
        }
        let failures: [JSON] = report.checks.filter { !$0.passed }.map {
            .object([("check", .string($0.summary)), ("line", .number(Double($0.span.line)))])
        }
        let manifest = JSON.object([
            ("tool", .object([("name", .string("evalbook")), ("version", .string(EvalbookVersion.current))])),
            ("platform", .string(platform)),
            (
                "notebook",
                .object([
                    ("path", .string(report.notebook.path)),
                    ("sha256", .string(FileDigest.sha256(Data(report.notebook.source.utf8)))),
                ])
            ),
            ("params", .object(report.params.map { ($0.key, JSON($0.value)) })),
            ("seed", .number(Double(report.seed))),
            ("inputs", .array(inputs)),
            ("outputs", .object(outputs.map { ($0.name, .string(FileDigest.sha256(Data($0.contents.utf8)))) })),
            (
                "checks",
                .object([
                    ("passed", .number(Double(report.passedChecks))),
                    ("failed", .number(Double(report.failedChecks))),
                    ("failures", .array(failures)),
                ])
            ),
            (
                "warnings",
                .array(
                    report.warnings.map {
                        .object([("message", .string($0.message)), ("line", .number(Double($0.span.line)))])
                    })
            ),
            ("created", .string(ISO8601DateFormatter().string(from: created))),
        ])
        return manifest.text() + "\n"
    }

    static var platform: String {
        #if os(Linux)
            let os = "linux"
        #elseif os(macOS)
            let os = "macos"
        #else
            let os = "unknown"
        #endif
        #if arch(x86_64)
            return os + "-x86_64"
        #elseif arch(arm64)
            return os + "-arm64"
        #else
            return os
        #endif
    }
}
