import EvalLang
import Foundation
import Testing

@testable import EvalNotebook

/// The one JSON type's reader: it gives back what the writer wrote, in order, and refuses hostile text with a
/// located `JSONSyntaxError`, never a trap or a stack overflow.
@Suite("JSON")
struct JSONTests {
    static func syntaxError(_ text: String, depthLimit: Int = JSON.depthLimit) -> JSONSyntaxError? {
        do {
            _ = try JSON.parse(Array(text.utf8), depthLimit: depthLimit)
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "malformed JSON is a located syntax error",
        arguments: [
            ("", JSONSyntaxError(problem: .unexpectedEnd, line: 1, column: 1)),
            ("{\"a\": [1, 2", JSONSyntaxError(problem: .unexpectedEnd, line: 1, column: 12)),
            ("{\"a\": 1e400}", JSONSyntaxError(problem: .numberOutOfRange("1e400"), line: 1, column: 7)),
            ("[-1e999]", JSONSyntaxError(problem: .numberOutOfRange("-1e999"), line: 1, column: 2)),
            ("{\"a\": 1,\n \"a\": 2}", JSONSyntaxError(problem: .duplicateKey("a"), line: 2, column: 2)),
            ("{\"a\": 1} x", JSONSyntaxError(problem: .trailingText, line: 1, column: 10)),
            ("[NaN]", JSONSyntaxError(problem: .unexpected(found: "`N`", expected: "a value"), line: 1, column: 2)),
            (
                "{a: 1}",
                JSONSyntaxError(problem: .unexpected(found: "`a`", expected: "a key in quotes"), line: 1, column: 2)
            ),
            ("[1 2]", JSONSyntaxError(problem: .unexpected(found: "`2`", expected: "`,` or `]`"), line: 1, column: 4)),
            ("\"é\\x\"", JSONSyntaxError(problem: .invalidEscape, line: 1, column: 3)),
            ("\"\\ud800\"", JSONSyntaxError(problem: .invalidEscape, line: 1, column: 2)),
            ("\"a\nb\"", JSONSyntaxError(problem: .controlCharacter, line: 1, column: 3)),
            ("[01]", JSONSyntaxError(problem: .unexpected(found: "`1`", expected: "`,` or `]`"), line: 1, column: 3)),
            ("[1.]", JSONSyntaxError(problem: .unexpected(found: "`]`", expected: "a digit"), line: 1, column: 4)),
            ("tru", JSONSyntaxError(problem: .unexpectedEnd, line: 1, column: 4)),
        ])
    func syntax(text: String, expected: JSONSyntaxError) {
        #expect(Self.syntaxError(text) == expected)
    }

    @Test("bytes that are not UTF-8 inside a string are refused")
    func invalidUTF8() throws {
        #expect(throws: JSONSyntaxError(problem: .invalidUTF8, line: 1, column: 1)) {
            try JSON.parse([0x22, 0x61, 0xFF, 0x22])
        }
    }

    @Test("deep nesting stops at the depth limit, not in a stack overflow")
    func deepNesting() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(Self.syntaxError(deep) == JSONSyntaxError(problem: .tooDeep(limit: 64), line: 1, column: 65))
        let params =
            #"{"params": "# + String(repeating: #"{"a": "#, count: 200) + "1" + String(repeating: "}", count: 201)
        #expect(Self.syntaxError(params)?.problem == .tooDeep(limit: JSON.depthLimit))
        #expect(Self.syntaxError("[[1]]", depthLimit: 2) == nil)
        #expect(Self.syntaxError("[[[1]]]", depthLimit: 2)?.problem == .tooDeep(limit: 2))
    }

    @Test("text beyond the size limit is refused before it is read")
    func sizeLimit() {
        #expect(throws: JSONSyntaxError(problem: .tooLarge(limit: 8), line: 1, column: 1)) {
            try JSON.parse(Array("[1, 2, 3, 4]".utf8), sizeLimit: 8)
        }
    }

    @Test("a 5,000-digit number is out of range, not a slow parse")
    func longNumber() {
        let text = "[1" + String(repeating: "0", count: 5_000) + "]"
        #expect(Self.syntaxError(text)?.problem == .numberOutOfRange("1" + String(repeating: "0", count: 23) + "…"))
    }

    @Test("what the writer writes reads back to the same text, keys in order")
    func writerRoundTrip() throws {
        let document = JSON.object([
            ("z", .array([.object([("b", .integer(-3)), ("a", .string("é\n"))]), .array([]), .object([])])),
            ("y", .array([.number(0.5), .null, .integer(Int128(Int64.max)), .integer(Int128(UInt64.max))])),
            ("x", .bool(true)), ("w", .null),
        ])
        let text = document.text()
        #expect(text.hasPrefix("{\n  \"z\": [\n    {\n      \"b\": -3,"))
        #expect(text.contains("\"y\": [0.5, null, 9223372036854775807, 18446744073709551615]"))
        let read = try JSON.parse(Array(text.utf8))
        #expect(read.text() == text)
        #expect(read["x"] == .bool(true))
        #expect(read["v"] == nil)
    }

    @Test("numbers: whole literals stay exact, others are finite doubles")
    func numbers() throws {
        #expect(try JSON.parse(Array("42".utf8)) == .integer(42))
        #expect(try JSON.parse(Array("9007199254740993".utf8)).text() == "9007199254740993")
        #expect(try JSON.parse(Array("-0".utf8)).text() == "0")
        #expect(try JSON.parse(Array("2.5e-3".utf8)) == .number(0.0025))
        #expect(try JSON.parse(Array("1e-400".utf8)) == .number(0))
        // Beyond 64 bits an integer is a double: no trap, and a count or seed field refuses it.
        #expect(try JSON.parse(Array("123456789012345678901234567890".utf8)) == .number(1.2345678901234568e29))
    }

    @Test("strings: escapes, UTF-8 and surrogate pairs read back as written")
    func strings() throws {
        let text = "a\"b\\c\n\r\t\u{01}\u{1F} é 😀 /"
        #expect(try JSON.parse(Array(JSON.quote(text).utf8)) == .string(text))
        #expect(try JSON.parse(Array(#""\u00e9\ud83d\ude00\/\b\f""#.utf8)) == .string("é😀/\u{08}\u{0C}"))
    }

    @Test("a param read back is the language value it was")
    func paramValues() throws {
        let json = try JSON.parse(
            Array(#"{"n": 3, "x": 0.5, "s": "web", "b": false, "r": {"b": 1, "a": [null]}}"#.utf8))
        let value = json.value
        guard case .record(let record) = value else {
            Issue.record("not a record: \(value.typeName)")
            return
        }
        #expect(Array(record.fields.keys) == ["n", "x", "s", "b", "r"])
        #expect(record.fields.values.map(\.inlineText) == ["3", "0.5", "\"web\"", "false", "{b: 1, a: [null]}"])
    }
}
