import EvalData
import Testing

/// One malformed input and the error it must produce.
struct CSVMalformedCase: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]
    var options = CSVOptions()
    var kind: CSVError.Kind
    var line: Int
    var field: Int?
    var fieldName: String? = nil

    var testDescription: String { name }

    init(
        _ name: String, _ text: String, _ kind: CSVError.Kind, line: Int, field: Int?,
        fieldName: String? = nil, options: CSVOptions = CSVOptions()
    ) {
        self.init(name, Array(text.utf8), kind, line: line, field: field, fieldName: fieldName, options: options)
    }

    init(
        _ name: String, _ bytes: [UInt8], _ kind: CSVError.Kind, line: Int, field: Int?,
        fieldName: String? = nil, options: CSVOptions = CSVOptions()
    ) {
        self.name = name
        self.bytes = bytes
        self.kind = kind
        self.line = line
        self.field = field
        self.fieldName = fieldName
        self.options = options
    }
}

private func forced(_ name: String, _ type: ColumnType) -> CSVOptions {
    var o = CSVOptions()
    o.types = [name: type]
    return o
}

private func projected(_ names: [String]) -> CSVOptions {
    var o = CSVOptions()
    o.columns = names
    return o
}

private let cases: [CSVMalformedCase] = [
    CSVMalformedCase("empty file", "", .emptyFile, line: 1, field: nil),
    CSVMalformedCase("only a BOM", [0xEF, 0xBB, 0xBF], .emptyFile, line: 1, field: nil),
    CSVMalformedCase("only blank lines", "\n\r\n\n", .emptyFile, line: 1, field: nil),
    CSVMalformedCase("empty header name", "a,,b\n1,2,3\n", .emptyHeader, line: 1, field: 2),
    CSVMalformedCase("trailing delimiter in header", "a,b,\n1,2,3\n", .emptyHeader, line: 1, field: 3),
    CSVMalformedCase("duplicate header", "a,b,a\n1,2,3\n", .duplicateHeader("a"), line: 1, field: 3),
    CSVMalformedCase("header after blank lines", "\n\na,a\n", .duplicateHeader("a"), line: 3, field: 2),
    CSVMalformedCase("unterminated quote in header", "\"a,b\n1,2\n", .unterminatedQuote, line: 1, field: 1),
    CSVMalformedCase("invalid UTF-8 in header", [0x61, 0x2C, 0xC3, 0x28, 0x0A], .invalidUTF8, line: 1, field: 2),
    CSVMalformedCase(
        "short row", "a,b,c\n1,2,3\n4,5\n", .raggedRow(found: 2, expected: 3),
        line: 3, field: 3, fieldName: "c"),
    CSVMalformedCase("long row", "a,b\n1,2\n3,4,5\n", .raggedRow(found: 3, expected: 2), line: 3, field: 3),
    CSVMalformedCase(
        "long row after blank lines", "a\n\n\n1,2\n", .raggedRow(found: 2, expected: 1), line: 4, field: 2),
    CSVMalformedCase(
        "ragged row after a multi-line field", "a,b\n\"x\ny\",1\n2\n", .raggedRow(found: 1, expected: 2),
        line: 4, field: 2, fieldName: "b"),
    CSVMalformedCase(
        "unterminated quote", "a,b\n1,2\n3,\"abc\n4,5\n", .unterminatedQuote, line: 3, field: 2, fieldName: "b"),
    CSVMalformedCase(
        "quote inside an unquoted field", "a,b\n1,ab\"c\n", .quoteInUnquotedField, line: 2, field: 2, fieldName: "b"),
    CSVMalformedCase(
        "text after a closing quote", "a,b\n1,\"ab\"c\n", .textAfterQuote, line: 2, field: 2, fieldName: "b"),
    CSVMalformedCase(
        "quote in a number field", "a,b\n1,2\n3,4\"\n", .quoteInUnquotedField, line: 3, field: 2, fieldName: "b"),
    CSVMalformedCase(
        "invalid UTF-8 value", Array("a,b\n1,x\n2,".utf8) + [0xFF, 0x0A], .invalidUTF8,
        line: 3, field: 2, fieldName: "b"),
    CSVMalformedCase(
        "overlong UTF-8", Array("s\n".utf8) + [0xC0, 0xAF, 0x0A], .invalidUTF8, line: 2, field: 1, fieldName: "s"),
    CSVMalformedCase(
        "UTF-8 surrogate", Array("s\nok\n".utf8) + [0xED, 0xA0, 0x80, 0x0A], .invalidUTF8,
        line: 3, field: 1, fieldName: "s"),
    CSVMalformedCase(
        "truncated UTF-8 at end of file", Array("s\nab".utf8) + [0xE2, 0x82], .invalidUTF8,
        line: 2, field: 1, fieldName: "s"),
    CSVMalformedCase(
        "invalid UTF-8 in a quoted field", Array("s\n\"a".utf8) + [0xFE] + Array("\"\n".utf8), .invalidUTF8,
        line: 2, field: 1, fieldName: "s"),
    CSVMalformedCase(
        "forced number gets text", "a,b\n1,x\ny,z\n", .badValue(text: "y", type: .number),
        line: 3, field: 1, fieldName: "a", options: forced("a", .number)),
    CSVMalformedCase(
        "forced bool gets a number", "a,b\ntrue,1\n1,2\n", .badValue(text: "1", type: .bool),
        line: 3, field: 1, fieldName: "a", options: forced("a", .bool)),
    CSVMalformedCase(
        "forced number gets an escaped string", "a\n\"x\"\"y\"\n", .badValue(text: "x\"y", type: .number),
        line: 2, field: 1, fieldName: "a", options: forced("a", .number)),
    CSVMalformedCase(
        "a ragged row beats a bad value in the same row", "a,b\nx\n",
        .raggedRow(found: 1, expected: 2), line: 2, field: 2, fieldName: "b", options: forced("a", .number)),
    CSVMalformedCase(
        "unknown projected column", "a,b\n1,2\n", .unknownColumn(name: "z", available: ["a", "b"]),
        line: 1, field: nil, options: projected(["a", "z"])),
    CSVMalformedCase(
        "column projected twice", "a,b\n1,2\n", .duplicateColumn("a"), line: 1, field: nil,
        options: projected(["a", "a"])),
    CSVMalformedCase(
        "unknown typed column", "a,b\n1,2\n", .unknownColumn(name: "q", available: ["a", "b"]),
        line: 1, field: nil, options: forced("q", .string)),
    CSVMalformedCase(
        "lines that end in a bare CR", "a,b\r1,2\r3,4\r", .carriageReturnLines, line: 1, field: nil),
    CSVMalformedCase(
        "quote as delimiter", "a\n", .invalidOption("the delimiter cannot be a quote, CR or LF"),
        line: 0, field: nil,
        options: {
            var o = CSVOptions(); o.delimiter = UInt8(ascii: "\""); return o
        }()),
]

/// Every malformed input is an error with the right kind, line and field — never a crash —
/// and the same error whatever the thread and chunk count.
@Suite("CSV reader: malformed input")
struct CSVMalformedTests {
    @Test("malformed input gives the expected error", arguments: cases)
    func malformed(_ c: CSVMalformedCase) throws {
        for (threads, chunks) in [(1, nil), (2, 3), (4, 8)] as [(Int, Int?)] {
            let options = CSVTest.options(threads: threads, chunks: chunks, base: c.options)
            let error = try #require(CSVTest.error(c.bytes, options: options), "parsed without error")
            #expect(error.kind == c.kind)
            #expect(error.line == c.line)
            #expect(error.field == c.field)
            #expect(error.fieldName == c.fieldName)
            #expect(error.file == "test.csv")
        }
    }

    @Test("error descriptions name file, line and field like a compiler")
    func descriptions() throws {
        let ragged = try #require(CSVTest.error(Array("a,b,c\n1,2,3\n4,5\n".utf8)))
        #expect(ragged.description == "test.csv:3: field 3 (`c`): expected 3 fields, found 2")
        let unknown = try #require(CSVTest.error(Array("a,b\n".utf8), options: projected(["scor"])))
        #expect(unknown.description == "test.csv:1: no column `scor`; available: `a`, `b`")
        let empty = try #require(CSVTest.error([]))
        #expect(empty.description == "test.csv:1: file is empty: expected a header row")
        let bad = try #require(CSVTest.error(Array("n\n1\nabc\n".utf8), options: forced("n", .number)))
        #expect(
            bad.description == "test.csv:3: field 1 (`n`): `abc` is not a number (the column's type is set to number)")
    }

    /// Random bytes from a CSV-ish alphabet: every input either parses or fails cleanly,
    /// and the outcome is identical for every thread and chunk count.
    @Test("random malformed input never crashes and does not depend on chunking")
    func fuzz() {
        let alphabet: [UInt8] = Array("ab1.,\"\n\r -e".utf8) + [0xFF, 0xC3, 0xA9, 0x09]
        var rng = CSVTestRandom(seed: 0xC5F)
        for _ in 0..<1500 {
            let length = Int(rng.next() % 120)
            var bytes = Array("h1,h2\n".utf8)
            for _ in 0..<length { bytes.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            let reference = CSVTest.parse(bytes, options: CSVTest.options(threads: 1, chunks: nil))
            for (threads, chunks) in [(2, 2), (3, 5), (4, 16)] {
                let other = CSVTest.parse(bytes, options: CSVTest.options(threads: threads, chunks: chunks))
                let same = CSVTest.identical(other, reference)
                #expect(same, "input \(bytes)")
            }
        }
    }
}

/// A small deterministic generator, so failures reproduce.
struct CSVTestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
