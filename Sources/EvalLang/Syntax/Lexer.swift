/// Turns cell code into tokens, working on UTF-8 bytes.
///
/// Newlines end statements, except inside brackets where they are skipped, so a
/// call may spread over several lines. `#` starts a comment to the end of the line.
package struct Lexer {
    private let bytes: [UInt8]
    private let firstLine: Int
    private var index = 0
    private var line: Int
    private var lineStart = 0
    private var depth = 0
    /// The last offset whose column was computed, and that column: tokens come in order, so each column is counted
    /// on from the previous one instead of from the start of the line (linear, not quadratic, in a long line).
    private var counted = (offset: 0, column: 1)

    package init(_ source: SourceText) {
        self.bytes = Array(source.text.utf8)
        self.firstLine = source.firstLine
        self.line = source.firstLine
    }

    /// All tokens, ending with `.eof`.
    package static func tokenize(_ source: SourceText) throws(SyntaxError) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .eof { return tokens }
        }
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        let i = index + offset
        return i < bytes.count ? bytes[i] : nil
    }

    /// The column of byte offset `offset` on the current line, counting characters.
    ///
    /// - Complexity: amortised O(1) per token, since offsets only grow within a line.
    private mutating func column(of offset: Int) -> Int {
        if counted.offset < lineStart || counted.offset > offset { counted = (lineStart, 1) }
        var col = counted.column
        var i = counted.offset
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { col += 1 }
            i += 1
        }
        counted = (offset, col)
        return col
    }

    private mutating func span(from start: Int) -> SourceSpan {
        SourceSpan(start: start, end: index, line: line, column: column(of: start))
    }

    private mutating func next() throws(SyntaxError) -> Token {
        skipSpaceAndComments()
        let start = index
        guard let c = peek() else {
            return Token(.eof, SourceSpan(start: index, end: index, line: line, column: column(of: index)))
        }
        if c == UInt8(ascii: "\n") {
            let tok = Token(.newline, SourceSpan(start: index, end: index + 1, line: line, column: column(of: index)))
            index += 1
            line += 1
            lineStart = index
            return tok
        }
        if isDigit(c) { return try number(start) }
        if isNameStart(c) { return name(start) }
        if c == UInt8(ascii: "\"") { return try string(start) }
        index += 1
        let kind: Token.Kind
        switch c {
        case UInt8(ascii: "("): depth += 1; kind = .lparen
        case UInt8(ascii: ")"): depth = max(0, depth - 1); kind = .rparen
        case UInt8(ascii: "["): depth += 1; kind = .lbracket
        case UInt8(ascii: "]"): depth = max(0, depth - 1); kind = .rbracket
        case UInt8(ascii: "{"): depth += 1; kind = .lbrace
        case UInt8(ascii: "}"): depth = max(0, depth - 1); kind = .rbrace
        case UInt8(ascii: ","): kind = .comma
        case UInt8(ascii: ":"): kind = .colon
        case UInt8(ascii: "."): kind = .dot
        case UInt8(ascii: ";"): kind = .semicolon
        case UInt8(ascii: "+"): kind = .plus
        case UInt8(ascii: "-"): kind = .minus
        case UInt8(ascii: "*"): kind = .star
        case UInt8(ascii: "/"): kind = .slash
        case UInt8(ascii: "%"): kind = .percent
        case UInt8(ascii: "^"): kind = .caret
        case UInt8(ascii: "="):
            if peek() == UInt8(ascii: "=") {
                index += 1; kind = .eq
            } else if peek() == UInt8(ascii: ">") {
                index += 1; kind = .arrow
            } else {
                kind = .assign
            }
        case UInt8(ascii: "!"):
            guard peek() == UInt8(ascii: "=") else {
                throw .unexpectedCharacter(
                    "!", span(from: start), help: "use `not` for negation and `!=` for inequality")
            }
            index += 1
            kind = .ne
        case UInt8(ascii: "<"):
            if peek() == UInt8(ascii: "=") { index += 1; kind = .le } else { kind = .lt }
        case UInt8(ascii: ">"):
            if peek() == UInt8(ascii: "=") { index += 1; kind = .ge } else { kind = .gt }
        case UInt8(ascii: "|"):
            guard peek() == UInt8(ascii: ">") else {
                throw .unexpectedCharacter(
                    "|", span(from: start), help: "the pipe operator is `|>`; for logic use `or`")
            }
            index += 1
            kind = .pipe
        case UInt8(ascii: "&"):
            throw .unexpectedCharacter("&", span(from: start), help: "use `and`")
        default:
            index -= 1
            let scalarEnd = scalarLength(at: index)
            let text = String(decoding: bytes[index..<min(bytes.count, index + scalarEnd)], as: UTF8.self)
            index += scalarEnd
            throw .unexpectedCharacter(text, span(from: start), help: nil)
        }
        return Token(kind, span(from: start))
    }

    private func scalarLength(at i: Int) -> Int {
        let b = bytes[i]
        if b < 0xC0 { return 1 }
        if b < 0xE0 { return 2 }
        if b < 0xF0 { return 3 }
        return 4
    }

    private mutating func skipSpaceAndComments() {
        while let c = peek() {
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") {
                index += 1
            } else if c == UInt8(ascii: "#") {
                while let d = peek(), d != UInt8(ascii: "\n") { index += 1 }
            } else if c == UInt8(ascii: "\n") && depth > 0 {
                index += 1
                line += 1
                lineStart = index
            } else {
                return
            }
        }
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    private func isNameStart(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || c == UInt8(ascii: "_")
    }

    private mutating func name(_ start: Int) -> Token {
        while let c = peek(), isNameStart(c) || isDigit(c) { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        let kind: Token.Kind =
            switch text {
            case "true": .kwTrue
            case "false": .kwFalse
            case "null": .kwNull
            case "and": .kwAnd
            case "or": .kwOr
            case "not": .kwNot
            case "expect": .kwExpect
            default: .name(text)
            }
        return Token(kind, span(from: start))
    }

    private mutating func digits() {
        while let c = peek(), isDigit(c) || (c == UInt8(ascii: "_") && peek(1).map(isDigit) == true) {
            index += 1
        }
    }

    private mutating func number(_ start: Int) throws(SyntaxError) -> Token {
        digits()
        if peek() == UInt8(ascii: "."), let d = peek(1), isDigit(d) {
            index += 1
            digits()
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var look = 1
            if let s = peek(1), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { look = 2 }
            if let d = peek(look), isDigit(d) {
                index += look
                digits()
            } else {
                index += 1
                throw .invalidNumber(String(decoding: bytes[start..<index], as: UTF8.self), span(from: start))
            }
        }
        if let c = peek(), isNameStart(c) {
            while let c = peek(), isNameStart(c) || isDigit(c) { index += 1 }
            throw .invalidNumber(String(decoding: bytes[start..<index], as: UTF8.self), span(from: start))
        }
        let text = String(decoding: bytes[start..<index].filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        guard let value = Double(text) else {
            throw .invalidNumber(text, span(from: start))
        }
        return Token(.number(value), span(from: start))
    }

    private mutating func string(_ start: Int) throws(SyntaxError) -> Token {
        index += 1
        var out: [UInt8] = []
        while true {
            guard let c = peek(), c != UInt8(ascii: "\n") else {
                throw .unterminatedString(span(from: start))
            }
            index += 1
            if c == UInt8(ascii: "\"") { break }
            if c == UInt8(ascii: "\\") {
                let escStart = index - 1
                guard let e = peek(), e != UInt8(ascii: "\n") else { throw .unterminatedString(span(from: start)) }
                index += 1
                switch e {
                case UInt8(ascii: "\""): out.append(e)
                case UInt8(ascii: "\\"): out.append(e)
                case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
                default:
                    let bad = String(decoding: [UInt8(ascii: "\\"), e], as: UTF8.self)
                    throw .invalidEscape(bad, span(from: escStart))
                }
            } else {
                out.append(c)
            }
        }
        return Token(.string(String(decoding: out, as: UTF8.self)), span(from: start))
    }
}
