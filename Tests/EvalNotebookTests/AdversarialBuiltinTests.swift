import EvalLang
import Foundation
import Testing

@testable import EvalNotebook

/// Every builtin of the registry, called with hostile values, gives a value or a located error.
///
/// Whatever it returns must render (terminal, SVG, report text) without trapping. Generated from the registry, so a
/// new builtin is covered the day it is registered.
@Suite("Adversarial builtin calls")
struct AdversarialBuiltinTests {
    /// Values that have broken numeric code before: NaN from arithmetic, infinities, the largest finite magnitudes,
    /// empty and one-element inputs, huge, negative and fractional counts, wrong types and mismatched lengths.
    static let hostile = [
        "0 / 0", "1 / 0", "-1 / 0", "1.7976931348623157e308", "-1.7976931348623157e308", "[]", "[1]", "[0 / 0, 1]",
        "1e18", "-1", "0.5", "\"x\"", "true", "null", "[1.7976931348623157e308, -1.7976931348623157e308]",
        "[0, 1, 1, 0]", "[0 / 0, 0 / 0]", "[1 / 0, -1 / 0, 0]", "tb", "tb.a", "x => x", "[[1, 2], [3]]", "{a: 1}",
        "2147483648", "9007199254740993",
    ]

    /// A small valid input per positional parameter, so the hostile value reaches deeper than the first check.
    static let plausible = ["[0, 1, 1, 0]", "[0.1, 0.9, 0.8, 0.2]", "[0, 1, 1, 0]", "[1, 2, 3, 4]"]

    /// The calls for one builtin: every positional argument hostile; the first (and second) plausible and the rest
    /// hostile; each option hostile with plausible positional arguments.
    static func calls(_ builtin: Builtin) -> [String] {
        let positional = builtin.parameters.filter { $0.role == .required }.map(\.name)
        let options = builtin.parameters.filter { $0.role == .option }.map(\.name)
        var out: [String] = []
        for value in hostile {
            let count = max(positional.count, 1)
            out.append(
                "\(builtin.name)(\(Array(repeating: value, count: positional.isEmpty ? 0 : count).joined(separator: ", ")))"
            )
            for lead in [1, 2] where positional.count > lead {
                let args = plausible.prefix(lead) + Array(repeating: value, count: positional.count - lead)
                out.append("\(builtin.name)(\(args.joined(separator: ", ")))")
            }
        }
        let base = (0..<positional.count).map { plausible[$0 % plausible.count] }
        for option in options {
            for value in hostile {
                out.append("\(builtin.name)(\((base + ["\(option): \(value)"]).joined(separator: ", ")))")
            }
        }
        return out
    }

    @Test("every builtin returns a value or a located error for hostile input", arguments: BuiltinRegistry.shared.names)
    func hostileCalls(_ name: String) throws {
        let builtin = try #require(BuiltinRegistry.shared[name])
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("evalbook-adversarial-\(UUID())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for call in Self.calls(builtin) {
            var interpreter = Interpreter(session: Session(files: FileAccess(root: root.path)))
            let setup = SourceText(
                name: "<setup>", text: "tb = table(a: [1, 2, 3], b: [0, 1, 0], s: [\"u\", \"v\", \"u\"])")
            _ = CellRun.run(setup, on: &interpreter)
            let source = SourceText(name: "<adversarial>", text: call)
            let clock = ContinuousClock()
            let start = clock.now
            let run = CellRun.run(source, on: &interpreter)
            // A hang detector, not a speed test: tiny inputs that take this long are runaway work.
            #expect(clock.now - start < .seconds(20), "\(call) took \(clock.now - start)")
            if let failure = run.failure {
                #expect(failure.diagnostic.location?.line == 1, "\(call): unlocated error \(failure.diagnostic)")
                #expect(!failure.diagnostic.message.isEmpty)
                continue
            }
            for result in run.results {
                guard case .value(let value, _) = result.outcome else { continue }
                render(value)
            }
        }
    }

    /// Renders a value every way a person can see it; a trap here fails the whole run.
    private func render(_ value: Value) {
        switch value {
        case .figure(let figure):
            _ = SVGRenderer.render(figure)
            _ = FigureText.render(figure, width: 80, height: 20, color: false)
        default:
            _ = TextRenderer.render(value.display(), width: 80)
            _ = MarkdownRenderer.renderDisplay(value.display())
            _ = HTMLRenderer.renderDisplay(value.display())
            _ = value.inlineText
        }
    }
}
