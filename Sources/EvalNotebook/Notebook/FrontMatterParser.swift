import EvalLang
import Foundation
import OrderedCollections
import Yams

/// Reads the YAML front matter, keeping the order in which params are written.
enum FrontMatterParser {
    static let keys = ["title", "description", "params", "seed"]

    static func parse(_ yaml: String, path: String, firstLine: Int) throws(NotebookError) -> FrontMatter {
        var result = FrontMatter()
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw .frontMatter(
                path: path, line: firstLine + yamlLine(error) - 1,
                message: "invalid YAML in front matter: \(yamlProblem(error))")
        }
        guard let root else { return result }
        guard let mapping = root.mapping else {
            throw .frontMatter(
                path: path, line: firstLine, message: "front matter must be a mapping of `key: value` lines")
        }
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            let line = firstLine + (keyNode.mark?.line ?? 1) - 1
            guard let key = keyNode.string else {
                throw .frontMatter(path: path, line: line, message: "front matter keys must be names")
            }
            guard seen.insert(key).inserted else {
                throw .frontMatter(path: path, line: line, message: "front matter key `\(key)` is given twice")
            }
            switch key {
            case "title", "description":
                guard let text = text(value) else {
                    throw .frontMatter(path: path, line: line, message: "`\(key)` must be text")
                }
                if key == "title" { result.title = text } else { result.description = text }
            case "seed":
                // Parsed from the text, so every 64-bit seed is kept exactly (a double would round above 2^53).
                guard let text = value.scalar?.string, let seed = UInt64(text.replacingOccurrences(of: "_", with: ""))
                else {
                    throw .frontMatter(
                        path: path, line: line, message: "`seed` must be a whole number from 0 to 18446744073709551615")
                }
                result.seed = seed
            case "params":
                guard let params = value.mapping else {
                    if value.null != nil { continue }
                    throw .frontMatter(path: path, line: line, message: "`params` must map names to default values")
                }
                for (nameNode, defaultNode) in params {
                    let paramLine = firstLine + (nameNode.mark?.line ?? 1) - 1
                    guard let name = nameNode.string, isIdentifier(name) else {
                        throw .frontMatter(
                            path: path, line: paramLine, message: "a param name must be a name like `threshold`")
                    }
                    guard let v = scalar(defaultNode) else {
                        throw .frontMatter(
                            path: path, line: paramLine,
                            message: "param `\(name)` must default to a number, bool or string")
                    }
                    guard result.params[name] == nil else {
                        throw .frontMatter(path: path, line: paramLine, message: "param `\(name)` is declared twice")
                    }
                    result.params[name] = v
                }
            default:
                throw .frontMatter(
                    path: path, line: line, message: "unknown front matter key `\(key)`",
                    help: Suggestion.help(for: key, in: keys) ?? "keys are title, description, params and seed")
            }
        }
        return result
    }

    /// A YAML scalar as a language value, by its resolved tag.
    static func scalar(_ node: Node) -> Value? {
        guard case .scalar(let s) = node else { return nil }
        if s.style == .singleQuoted || s.style == .doubleQuoted { return .string(s.string) }
        switch node.tag.description {
        case Tag.Name.bool.rawValue: return node.bool.map(Value.bool)
        case Tag.Name.int.rawValue: return node.int.map { .number(Double($0)) }
        case Tag.Name.float.rawValue: return node.float.map(Value.number)
        case Tag.Name.null.rawValue: return .null
        default: return .string(s.string)
        }
    }

    /// A scalar's text (`title: 2024` is the text "2024"); nil for lists and maps.
    private static func text(_ node: Node) -> String? {
        guard case .scalar(let s) = node else { return nil }
        return s.string
    }

    /// A value given on the command line: number, true/false, or string.
    ///
    /// Numbers are decimal (`12`, `-0.5`, `1e-3`); anything else Swift's `Double`
    /// would take (`nan`, `inf`, `0x1p3`) stays a string.
    package static func commandLineValue(_ text: String) -> Value {
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        if isDecimal(text), let x = Double(text), x.isFinite { return .number(x) }
        return .string(text)
    }

    /// `[+-]digits[.digits][(e|E)[+-]digits]`, with digits on at least one side of the point.
    static func isDecimal(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        func digits() -> Int {
            let n = bytes.prefix(while: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }).count
            bytes = bytes.dropFirst(n)
            return n
        }
        if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var mantissa = digits()
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first,
            first == "_" || (first.isASCII && CharacterSet.letters.contains(first))
        else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && CharacterSet.alphanumerics.contains($0)) }
    }

    private static func yamlLine(_ error: Error) -> Int {
        guard let e = error as? YamlError else { return 1 }
        switch e {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 1
        }
    }

    private static func yamlProblem(_ error: Error) -> String {
        guard let e = error as? YamlError else { return "\(error)" }
        switch e {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default: return "\(e)"
        }
    }
}
