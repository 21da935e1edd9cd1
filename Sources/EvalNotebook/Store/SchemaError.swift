import EvalLang

/// Why a stored `manifest.json` or `metrics.json` cannot be read as the report schema.
package enum SchemaError: Error, Equatable, Sendable {
    /// There is no file at the path.
    case notFound
    /// The file is there but cannot be read (permissions, a folder).
    case unreadable
    /// The text is not JSON, or exceeds the reader's limits.
    case syntax(JSONSyntaxError)
    /// A field the schema requires is absent; named by its path, such as `notebook.sha256`.
    case missingField(String)
    /// A field has the wrong kind of value; an empty field is the whole document.
    case wrongType(field: String, expected: String)
    /// The file declares a schema version newer than this build reads.
    case newerSchema(Int)

    /// The finding for the file at `path`, located at the line and column of a syntax error.
    package func diagnostic(file path: String) -> Diagnostic {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        switch self {
        case .notFound:
            return .error("\(name) is missing", file: path)
        case .unreadable:
            return .error("\(name) cannot be read", file: path)
        case .syntax(let error):
            return .error(
                "\(name) is not valid JSON: \(Self.words(error.problem))", file: path, line: error.line,
                column: error.column, help: error.problem == .unexpectedEnd ? "the file may be truncated" : nil)
        case .missingField(let field):
            return .error("\(name) has no field `\(field)`", file: path)
        case .wrongType(let field, let expected):
            return .error(
                field.isEmpty ? "\(name) must be \(expected)" : "field `\(field)` of \(name) must be \(expected)",
                file: path)
        case .newerSchema(let version):
            return .error(
                "\(name) has schema version \(version); evalbook \(EvalbookVersion.current) reads versions 1 to "
                    + "\(Manifest.schema)", file: path, help: "read this report with a newer evalbook")
        }
    }

    /// A syntax problem in words.
    private static func words(_ problem: JSONSyntaxError.Problem) -> String {
        switch problem {
        case .tooLarge(let limit): "the file is larger than \(limit) bytes"
        case .tooDeep(let limit): "arrays and objects nest deeper than \(limit) levels"
        case .unexpectedEnd: "the text ends inside a value"
        case .unexpected(let found, let expected): "expected \(expected), found \(found)"
        case .invalidEscape: "an invalid escape in a string"
        case .invalidUTF8: "a string that is not UTF-8"
        case .controlCharacter: "a control character inside a string"
        case .numberOutOfRange(let text): "the number `\(text)` is out of range"
        case .duplicateKey(let key): "the key `\(key)` appears twice in one object"
        case .trailingText: "more text after the value"
        }
    }
}
