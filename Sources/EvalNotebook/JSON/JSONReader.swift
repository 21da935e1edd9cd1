extension JSON {
    /// The deepest nesting of arrays and objects read; report files nest three levels at most.
    package static let depthLimit = 64
    /// The longest text read, in bytes: far above any report file, far below memory trouble.
    package static let sizeLimit = 256 << 20

    /// Reads one JSON value from UTF-8 `bytes`, keeping the order of object keys.
    ///
    /// The text is untrusted (a report folder can come from anywhere): nesting, length and numbers are bounded, so
    /// hostile input ends in a `JSONSyntaxError`, never a trap or a stack overflow.
    package static func parse(
        _ bytes: [UInt8], depthLimit: Int = depthLimit, sizeLimit: Int = sizeLimit
    ) throws(JSONSyntaxError) -> JSON {
        var reader = JSONReader(bytes: bytes, depthLimit: depthLimit)
        guard bytes.count <= sizeLimit else { throw reader.error(.tooLarge(limit: sizeLimit)) }
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.offset == bytes.count else { throw reader.error(.trailingText) }
        return value
    }
}

/// A recursive-descent reader over bytes; one instance reads one text.
private struct JSONReader {
    let bytes: [UInt8]
    let depthLimit: Int
    var offset = 0

    init(bytes: [UInt8], depthLimit: Int) {
        self.bytes = bytes
        self.depthLimit = depthLimit
    }

    /// The error at the current offset; line and column are counted only now, since errors are rare.
    func error(_ problem: JSONSyntaxError.Problem) -> JSONSyntaxError {
        var line = 1, column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Columns count characters, so continuation bytes of UTF-8 do not advance them.
                column += 1
            }
        }
        return JSONSyntaxError(problem: problem, line: line, column: column)
    }

    var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
    }

    /// The character at the offset, for messages; the end of the text is "the end".
    func found() -> String {
        guard peek != nil else { return "the end" }
        var end = offset + 1
        while end < bytes.count, end - offset < 4, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "`" + String(decoding: bytes[offset..<end], as: UTF8.self) + "`"
    }

    func unexpected(_ expected: String) -> JSONSyntaxError {
        error(peek == nil ? .unexpectedEnd : .unexpected(found: found(), expected: expected))
    }

    mutating func expect(_ byte: UInt8, _ expected: String) throws(JSONSyntaxError) {
        guard peek == byte else { throw unexpected(expected) }
        offset += 1
    }

    mutating func value(depth: Int) throws(JSONSyntaxError) -> JSON {
        guard let byte = peek else { throw error(.unexpectedEnd) }
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw unexpected("a value")
        }
    }

    mutating func literal(_ word: String, _ value: JSON) throws(JSONSyntaxError) -> JSON {
        for byte in word.utf8 { try expect(byte, "`\(word)`") }
        return value
    }

    mutating func object(depth: Int) throws(JSONSyntaxError) -> JSON {
        guard depth <= depthLimit else { throw error(.tooDeep(limit: depthLimit)) }
        offset += 1
        skipSpace()
        var fields: [(String, JSON)] = []
        var keys: Set<String> = []
        if peek == UInt8(ascii: "}") {
            offset += 1
            return .object(fields)
        }
        while true {
            guard peek == UInt8(ascii: "\"") else { throw unexpected("a key in quotes") }
            let keyOffset = offset
            let key = try string()
            guard keys.insert(key).inserted else {
                offset = keyOffset
                throw error(.duplicateKey(key))
            }
            skipSpace()
            try expect(UInt8(ascii: ":"), "`:`")
            skipSpace()
            fields.append((key, try value(depth: depth)))
            skipSpace()
            if peek == UInt8(ascii: "}") {
                offset += 1
                return .object(fields)
            }
            try expect(UInt8(ascii: ","), "`,` or `}`")
            skipSpace()
        }
    }

    mutating func array(depth: Int) throws(JSONSyntaxError) -> JSON {
        guard depth <= depthLimit else { throw error(.tooDeep(limit: depthLimit)) }
        offset += 1
        skipSpace()
        var items: [JSON] = []
        if peek == UInt8(ascii: "]") {
            offset += 1
            return .array(items)
        }
        while true {
            items.append(try value(depth: depth))
            skipSpace()
            if peek == UInt8(ascii: "]") {
                offset += 1
                return .array(items)
            }
            try expect(UInt8(ascii: ","), "`,` or `]`")
            skipSpace()
        }
    }

    /// A string from its opening quote; escapes decoded, the bytes checked as UTF-8.
    mutating func string() throws(JSONSyntaxError) -> String {
        let start = offset
        offset += 1
        var out: [UInt8] = []
        while true {
            guard let byte = peek else { throw error(.unexpectedEnd) }
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: out, as: UTF8.self) else {
                    offset = start
                    throw error(.invalidUTF8)
                }
                offset += 1
                return text
            case UInt8(ascii: "\\"):
                try escape(into: &out)
            case ..<0x20:
                throw error(.controlCharacter)
            default:
                out.append(byte)
                offset += 1
            }
        }
    }

    /// One escape from its backslash, appended as UTF-8; an invalid one is reported at the backslash.
    mutating func escape(into out: inout [UInt8]) throws(JSONSyntaxError) {
        let start = offset
        offset += 1
        guard let byte = peek else { throw error(.unexpectedEnd) }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(byte)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var code = try hex4(escapeAt: start)
            if (0xD800..<0xDC00).contains(code) {
                // A high surrogate must be followed by `\u` and a low one; together they are one scalar.
                guard peek == UInt8(ascii: "\\"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u")
                else {
                    offset = start
                    throw error(.invalidEscape)
                }
                offset += 2
                let low = try hex4(escapeAt: start)
                guard (0xDC00..<0xE000).contains(low) else {
                    offset = start
                    throw error(.invalidEscape)
                }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else {
                offset = start
                throw error(.invalidEscape)
            }
            out.append(contentsOf: Array(String(scalar).utf8))
        default:
            offset = start
            throw error(.invalidEscape)
        }
    }

    /// Four hex digits of a `\u` escape that began at `start`.
    mutating func hex4(escapeAt start: Int) throws(JSONSyntaxError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek else { throw error(.unexpectedEnd) }
            guard let digit = hexDigit(byte) else {
                offset = start
                throw error(.invalidEscape)
            }
            code = code << 4 | digit
            offset += 1
        }
        return code
    }

    func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// A number by JSON's grammar: an integer literal that fits 64 bits stays exact, anything else is a finite
    /// `Double`.
    mutating func number() throws(JSONSyntaxError) -> JSON {
        let start = offset
        var whole = true
        if peek == UInt8(ascii: "-") { offset += 1 }
        if peek == UInt8(ascii: "0") {
            offset += 1
        } else {
            try digits()
        }
        if peek == UInt8(ascii: ".") {
            whole = false
            offset += 1
            try digits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            whole = false
            offset += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { offset += 1 }
            try digits()
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        // 1,100 characters hold every Double's exact decimal expansion; longer literals are not report numbers.
        guard text.utf8.count <= 1100 else {
            offset = start
            throw error(.numberOutOfRange(String(text.prefix(24)) + "…"))
        }
        if whole, let n = Int128(text), n >= Int128(Int64.min), n <= Int128(UInt64.max) { return .integer(n) }
        guard let x = Double(text), x.isFinite else {
            offset = start
            throw error(.numberOutOfRange(text.count > 24 ? String(text.prefix(24)) + "…" : text))
        }
        return .number(x)
    }

    mutating func digits() throws(JSONSyntaxError) {
        guard let first = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            throw unexpected("a digit")
        }
        while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { offset += 1 }
    }
}
