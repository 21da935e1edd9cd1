import EvalData
import EvalLang
import Foundation
import Testing

/// One language test written as data: code, with its expected transcript in
/// comments next to the statements that produce it.
///
/// ```
/// ### broadcasting
/// [1, 2, 3] * 2
/// # => [2, 4, 6]
/// y = nosuch
/// # error: 1:5: unknown name `nosuch`
/// ```
struct LanguageCase: CustomTestStringConvertible, Sendable {
    var file: String
    var name: String
    var line: Int
    var code: String
    var expected: [String]

    var testDescription: String { "\(file):\(line) \(name)" }

    static let prefixes = ["# => ", "# check: ", "# warning: ", "# error: ", "# help: "]

    /// Splits a case file at `### name` lines.
    static func parse(_ text: String, file: String) -> [LanguageCase] {
        var cases: [LanguageCase] = []
        var current: LanguageCase?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if line.hasPrefix("### ") {
                if let c = current { cases.append(c) }
                current = LanguageCase(
                    file: file, name: String(line.dropFirst(4)), line: index + 1, code: "", expected: [])
                continue
            }
            guard current != nil else { continue }
            if let prefix = prefixes.first(where: { line.hasPrefix($0) }) {
                current?.expected.append(String(prefix.dropFirst(2)) + line.dropFirst(prefix.count))
            }
            current?.code += line + "\n"
        }
        if let c = current { cases.append(c) }
        return cases
    }

    /// Runs the code through `CellRun`, the path notebook cells take, and returns the
    /// transcript: values, checks, warnings, and the first error (which ends the case).
    func run(root: String) -> [String] {
        // The project root is machine-specific; transcripts name it ROOT.
        transcript(root: root).map { $0.replacingOccurrences(of: root, with: "ROOT") }
    }

    private func transcript(root: String) -> [String] {
        var interpreter = Interpreter(session: Session(files: FileAccess(root: root)))
        let run = CellRun.run(SourceText(name: file, text: code), on: &interpreter)
        var transcript: [String] = []
        for result in run.results {
            switch result.outcome {
            case .value(let value, _): transcript.append("=> " + value.inlineText)
            case .binding: break
            case .check(let check): transcript.append("check: " + check.summary)
            }
            transcript += result.warnings.map(Self.describe)
        }
        if let failure = run.failure {
            transcript += failure.warnings.map(Self.describe) + Self.describe(failure.diagnostic)
        }
        return transcript
    }

    static func describe(_ warning: Warning) -> String {
        "warning: " + warning.message
    }

    /// The error as the user sees it, in the cases' compact form: `error: LINE:COL: message`
    /// (the file is the case file, so it is left out), then `help: …` when there is help.
    static func describe(_ d: Diagnostic) -> [String] {
        let place = d.location.flatMap { location in
            location.line.map { line in "\(line):\(location.column ?? 1): " }
        }
        return ["\(d.severity.rawValue): \(place ?? "")\(d.message)"] + (d.help.map { ["help: \($0)"] } ?? [])
    }
}
