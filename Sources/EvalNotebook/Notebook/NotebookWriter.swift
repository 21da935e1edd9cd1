import EvalLang
import Foundation
import Yams

/// Writes a notebook that `NotebookParser` reads back.
///
/// Front matter goes through Yams, then comes one `evalbook` cell per piece of code, in order. The REPL's `:save` and `:report` write a session this way, so `evalbook run` reproduces it.
package enum NotebookWriter {
    /// The notebook text for `frontMatter` and the code of `cells`.
    ///
    /// Params a front matter cannot hold as a default (lists, tables, records, non-finite numbers) are left out.
    package static func text(frontMatter: FrontMatter, cells: [String]) throws -> String {
        var out = try frontMatterText(frontMatter)
        for code in cells {
            // A fence longer than any backtick run in the code, so no code can close it early.
            let fence = MarkdownText.fence(for: code)
            out += "\n\(fence)evalbook\n\(code)\n\(fence)\n"
        }
        return out
    }

    /// A REPL session as a notebook: `title`, the session's params and seed, and `cells`, the inputs that ran.
    package static func text(title: String, session: Session, cells: [String]) throws -> String {
        var frontMatter = FrontMatter()
        frontMatter.title = title
        frontMatter.params = session.params
        frontMatter.seed = session.seed
        return try text(frontMatter: frontMatter, cells: cells)
    }

    /// `churn.md` → `churn`.
    package static func title(for path: String) -> String {
        let file = (path as NSString).lastPathComponent
        return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
    }

    /// The `---` block, keys in the order the parser documents them; nothing when there is nothing to say.
    static func frontMatterText(_ frontMatter: FrontMatter) throws -> String {
        var pairs: [(Node, Node)] = []
        if let title = frontMatter.title { pairs.append((Node("title"), text(title))) }
        if let description = frontMatter.description { pairs.append((Node("description"), text(description))) }
        let params = frontMatter.params.compactMap { name, value in scalar(value).map { (Node(name), $0) } }
        if !params.isEmpty { pairs.append((Node("params"), Node(params))) }
        if frontMatter.seed != 0 { pairs.append((Node("seed"), Node(String(frontMatter.seed)))) }
        guard !pairs.isEmpty else { return "" }
        // Unlimited width: a long title stays on its line instead of folding onto the next.
        let yaml = try Yams.serialize(node: Node(pairs), width: -1, allowUnicode: true)
        return "---\n" + yaml + "---\n"
    }

    /// Text in double quotes, whatever it holds.
    ///
    /// The parser reads a quoted scalar as a string, so `yes`, `1e3` or `null` stay text, and the quotes escape line
    /// breaks and control characters.
    static func text(_ string: String) -> Node {
        Node(string, .implicit, .doubleQuoted)
    }

    /// A param's default as the scalar the parser reads back as the same value; nil for values a param cannot have.
    static func scalar(_ value: Value) -> Node? {
        switch value {
        case .number(let x): return x.isFinite ? Node(NumberFormat.json(x)) : nil
        case .string(let s): return text(s)
        case .bool(let b): return Node(b ? "true" : "false")
        case .null: return Node("null")
        default: return nil
        }
    }
}
