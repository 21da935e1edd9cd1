import EvalLang

/// Why a notebook could not be read, located by line.
package enum NotebookError: Error, Equatable, Sendable {
    case cannotRead(path: String, reason: String)
    /// The notebook is not UTF-8; `line` and `column` (1-based, in characters) locate the first bad byte.
    case invalidUTF8(path: String, line: Int, column: Int)
    case unterminatedFrontMatter(path: String)
    case frontMatter(path: String, line: Int, message: String, help: String? = nil)
    case cellOption(path: String, line: Int, message: String, help: String? = nil)
    case unknownParam(path: String, name: String, help: String?)
    case invalidParamArgument(String)
    /// `--param name=text` where text is a number no double can hold (1e400).
    case invalidParamValue(name: String, text: String)

    /// The finding: located at the notebook's line where there is one.
    package var diagnostic: Diagnostic {
        switch self {
        case .cannotRead(let path, let reason):
            .error("cannot read the notebook: \(reason)", file: path)
        case .invalidUTF8(let path, let line, let column):
            .error(
                "the notebook is not valid UTF-8 text", file: path, line: line, column: column,
                help: "save it as UTF-8 (most editors have an encoding menu)")
        case .unterminatedFrontMatter(let path):
            .error(
                "front matter opened with `---` is never closed", file: path, line: 1, help: "end it with a line `---`")
        case .frontMatter(let path, let line, let message, let help):
            .error(message, file: path, line: line, help: help)
        case .cellOption(let path, let line, let message, let help):
            .error(message, file: path, line: line, help: help)
        case .unknownParam(let path, let name, let help):
            Diagnostic("--param `\(name)` is not a param of \(path)", help: help)
        case .invalidParamValue(let name, let text):
            Diagnostic(
                "--param `\(name)`: \(text) is outside the range of numbers (about ±1.8e308)",
                help: "give a finite number, or quote it in the notebook's params if you mean text")
        case .invalidParamArgument(let text):
            Diagnostic("--param takes name=value, not `\(text)`")
        }
    }
}
