/// What the code before the cursor says about the word being typed: a light scan
/// that, unlike the lexer, accepts unfinished input (open strings, open calls).
struct CodeScan {
    /// A string literal the cursor is inside.
    struct OpenString {
        /// Its text so far, without the opening quote.
        var content: String
        /// `t` when the string is a subscript, as in `t["`.
        var subscriptOf: String?
    }

    /// An open `name(` call the cursor is inside.
    struct Call {
        var callee: String
        /// Named arguments already given (`weights:`), not to be offered again.
        var named: [String] = []
    }

    private enum Token: Equatable {
        case name(String)
        case number(String)
        case string(open: Bool, content: String)
        case punct(Character)
    }

    private(set) var inComment = false
    private(set) var openString: OpenString?
    /// The identifier (or number) ending at the cursor; empty after a space or symbol.
    private(set) var word = ""
    /// `t` when the word follows `t.`.
    private(set) var fieldOf: String?
    /// The innermost open bracket, when it is a call.
    private(set) var call: Call?
    /// The word starts an argument: right after the call's `(` or a `,`.
    private(set) var atArgumentStart = false

    init(_ text: String) {
        var tokens = CodeScan.tokens(of: Array(text), inComment: &inComment)
        guard !inComment else { return }
        if case .string(true, let content)? = tokens.last {
            tokens.removeLast()
            var owner: String?
            if tokens.count >= 2, tokens[tokens.count - 1] == .punct("["), case .name(let n) = tokens[tokens.count - 2]
            {
                owner = n
            }
            openString = OpenString(content: content, subscriptOf: owner)
            return
        }
        if let last = text.last, last.isLetter || last.isNumber || last == "_" {
            switch tokens.last {
            case .name(let n)?, .number(let n)?: word = n; tokens.removeLast()
            default: break
            }
        }
        if tokens.count >= 2, tokens[tokens.count - 1] == .punct("."), case .name(let owner) = tokens[tokens.count - 2],
            tokens.count < 3 || tokens[tokens.count - 3] != .punct(".")
        {
            fieldOf = owner
        }
        // Bracket frames: a call remembers its callee and named arguments so far.
        var frames: [(bracket: Character, call: Call?)] = []
        for (i, token) in tokens.enumerated() {
            guard case .punct(let c) = token else { continue }
            switch c {
            case "(", "[", "{":
                var callee: Call?
                if c == "(", i > 0, case .name(let n) = tokens[i - 1] { callee = Call(callee: n) }
                frames.append((c, callee))
            case ")", "]", "}":
                if !frames.isEmpty { frames.removeLast() }
            case ":":
                if i > 0, case .name(let n) = tokens[i - 1], let top = frames.indices.last, frames[top].call != nil {
                    frames[top].call?.named.append(n)
                }
            default: break
            }
        }
        call = frames.last?.call
        if call != nil, let previous = tokens.last {
            atArgumentStart = previous == .punct("(") || previous == .punct(",")
        }
    }

    private static func tokens(of chars: [Character], inComment: inout Bool) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        func isNamePart(_ c: Character) -> Bool { c == "_" || (c.isASCII && (c.isLetter || c.isNumber)) }
        while i < chars.count {
            let c = chars[i]
            if c == "#" {
                while i < chars.count, chars[i] != "\n" { i += 1 }
                if i == chars.count { inComment = true }
            } else if c == "\"" {
                var content = ""
                i += 1
                var closed = false
                while i < chars.count, chars[i] != "\n" {
                    if chars[i] == "\"" { closed = true; break }
                    if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                    content.append(chars[i])
                    i += 1
                }
                tokens.append(.string(open: !closed && i == chars.count, content: content))
                i += 1
            } else if c == "_" || (c.isASCII && c.isLetter) {
                let start = i
                while i < chars.count, isNamePart(chars[i]) { i += 1 }
                tokens.append(.name(String(chars[start..<i])))
            } else if c.isASCII && c.isNumber {
                let start = i
                while i < chars.count, isNamePart(chars[i]) || chars[i] == "." { i += 1 }
                tokens.append(.number(String(chars[start..<i])))
            } else {
                if !c.isWhitespace { tokens.append(.punct(c)) }
                i += 1
            }
        }
        return tokens
    }
}
