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

    /// Runs the code statement by statement, the way the REPL does, and returns the
    /// transcript: values, checks, warnings, and the first error (which ends the case).
    func run(root: String) -> [String] {
        // The project root is machine-specific; transcripts name it ROOT.
        transcript(root: root).map { $0.replacingOccurrences(of: root, with: "ROOT") }
    }

    private func transcript(root: String) -> [String] {
        var interpreter = Interpreter(session: Session(files: FileAccess(root: root)))
        let source = SourceText(name: file, text: code)
        var transcript: [String] = []
        let statements: [Statement]
        do { statements = try Parser.parse(source) } catch {
            return transcript + Self.describe(error.diagnostic(in: source))
        }
        for statement in statements {
            interpreter.session.warnings = []
            do {
                switch try interpreter.execute(statement, in: source) {
                case .value(let value, _): transcript.append("=> " + value.inlineText)
                case .binding: break
                case .check(let check): transcript.append("check: " + check.summary)
                }
                transcript += interpreter.session.warnings.map { "warning: " + $0.message }
            } catch {
                transcript += interpreter.session.warnings.map { "warning: " + $0.message }
                return transcript + Self.describe(error.diagnostic(in: source))
            }
        }
        return transcript
    }

    static func describe(_ d: Diagnostic) -> [String] {
        ["error: \(d.location?.line ?? 0):\(d.location?.column ?? 0): \(d.message)"]
            + (d.help.map { ["help: \($0)"] } ?? [])
    }
}
