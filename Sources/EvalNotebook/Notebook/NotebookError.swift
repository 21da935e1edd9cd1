/// Why a notebook could not be read, located by line.
package enum NotebookError: Error, Equatable, Sendable {
    case cannotRead(path: String, reason: String)
    case invalidUTF8(path: String)
    case unterminatedFrontMatter(path: String)
    case frontMatter(path: String, line: Int, message: String, help: String? = nil)
    case cellOption(path: String, line: Int, message: String, help: String? = nil)
    case unknownParam(path: String, name: String, help: String?)
    case invalidParamArgument(String)

    /// The §5b-style text: `path:line: error: message`, then help.
    package var rendered: String {
        switch self {
        case .cannotRead(let path, let reason):
            return "\(path): error: cannot read the notebook: \(reason)\n"
        case .invalidUTF8(let path):
            return "\(path): error: the notebook is not valid UTF-8 text\n"
        case .unterminatedFrontMatter(let path):
            return
                "\(path):1:1: error: front matter opened with `---` is never closed\nhelp: end it with a line `---`\n"
        case .frontMatter(let path, let line, let message, let help):
            return "\(path):\(line):1: error: \(message)\n" + (help.map { "help: \($0)\n" } ?? "")
        case .cellOption(let path, let line, let message, let help):
            return "\(path):\(line):1: error: \(message)\n" + (help.map { "help: \($0)\n" } ?? "")
        case .unknownParam(let path, let name, let help):
            return "error: --param `\(name)` is not a param of \(path)\n" + (help.map { "help: \($0)\n" } ?? "")
        case .invalidParamArgument(let text):
            return "error: --param takes name=value, not `\(text)`\n"
        }
    }
}
