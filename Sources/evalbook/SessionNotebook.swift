import EvalLang
import Foundation

/// A REPL session written down as a notebook: front matter, then one `evalbook`
/// cell per input that ran, in order, so `evalbook run` reproduces the session.
enum SessionNotebook {
    /// The notebook text for `cells`, with the session's params and seed.
    static func text(title: String, session: Session, cells: [String]) -> String {
        var out = "---\ntitle: \(yamlQuoted(title))\n"
        let params = session.params.compactMap { name, value in yamlScalar(value).map { "  \(name): \($0)\n" } }
        if !params.isEmpty { out += "params:\n" + params.joined() }
        if session.seed != 0 { out += "seed: \(session.seed)\n" }
        out += "---\n"
        for code in cells {
            // A fence longer than any backtick run in the code, so no code can close it early.
            let fence = String(repeating: "`", count: max(3, longestBacktickRun(code) + 1))
            out += "\n\(fence)evalbook\n\(code)\n\(fence)\n"
        }
        return out
    }

    /// `churn.md` → `churn`.
    static func title(for path: String) -> String {
        let file = (path as NSString).lastPathComponent
        return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
    }

    /// A param as YAML the front-matter parser reads back as the same value; lists
    /// and tables cannot be params, so they have none.
    static func yamlScalar(_ value: Value) -> String? {
        switch value {
        case .number(let x): return x.isFinite ? NumberFormat.json(x) : nil
        case .string(let s): return yamlQuoted(s)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        default: return nil
        }
    }

    /// A YAML double-quoted string: quotes, backslashes and control characters escaped.
    static func yamlQuoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0, run = 0
        for ch in text {
            run = ch == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
