import EvalData
import Foundation
import Testing

/// `FastFloat` and the reader's fused number path must agree with `strtod` bit for bit.
@Suite("FastFloat: correctly rounded decimal parsing")
struct FastFloatTests {
    private func fast(_ text: String) -> Double? {
        // A trailing NUL keeps the buffer non-empty; it is not part of the parsed range.
        let bytes = Array(text.utf8) + [0]
        return bytes.withUnsafeBufferPointer { b in
            b.baseAddress.flatMap { FastFloat.parse($0, count: b.count - 1) }
        }
    }

    private func reference(_ text: String) -> Double {
        text.withCString { strtod($0, nil) }
    }

    /// Random decimal strings of every shape: long and short mantissas, leading zeros,
    /// point anywhere, exponents across the whole range (overflow and underflow included).
    private func randomDecimals(count: Int, seed: UInt64) -> [String] {
        var rng = CSVTestRandom(seed: seed)
        var out: [String] = []
        for _ in 0..<count {
            let r = rng.next()
            var digits = ""
            let length = 1 + Int(r % 25)
            for k in 0..<length {
                let d = rng.next() % 10
                digits += k == 0 && (r >> 40) % 4 == 0 ? "0" : String(d)
            }
            let point = Int((r >> 8) % UInt64(length + 1))
            var s = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
            if (r >> 16) % 5 == 0 { s = digits }  // integer
            if s.hasPrefix(".") && (r >> 18) % 2 == 0 { s = "0" + s }  // 0.xxx and .xxx
            if s.hasSuffix(".") && (r >> 19) % 2 == 0 { s += "0" }
            switch (r >> 24) % 4 {
            case 0: s += "e\(Int((rng.next() % 701)) - 350)"
            case 1: s += "E+\(rng.next() % 30)"
            case 2: s += "e-\(rng.next() % 30)"
            default: break
            }
            if (r >> 32) % 3 == 0 { s = "-" + s }
            out.append(s)
        }
        return out
    }

    private static let hardCases = [
        "0", "-0", "0.0", "1", "0.1", "0.3", "1e23", "9007199254740992", "9007199254740993",
        "9007199254740993.0", "2.2250738585072011e-308", "2.2250738585072014e-308",
        "4.9406564584124654e-324", "2.4703282292062327e-324", "1.7976931348623157e308",
        "1.7976931348623159e308", "1e308", "1e309", "1e-400", "123456789012345678901234567890",
        "0.000000000000000000000000000001", "7.2057594037927933e16", "3.0517578125e-05",
        "1.00000000000000011102230246251565404236316680908203125", "4503599627370496.5",
        "4503599627370497.5", "1e22", "1e-22", "123456789e-22", "9999999999999999999",
        "0.282955", "-2.5E+2", "35.806799", "00000000000000000000001.5",
    ]

    @Test("the general parser equals strtod on random and hard decimal strings")
    func generalMatchesStrtod() throws {
        for text in Self.hardCases + randomDecimals(count: 20_000, seed: 1) {
            let value = try #require(fast(text), "rejected \(text)")
            #expect(value.bitPattern == reference(text).bitPattern, "\(text)")
        }
    }

    @Test("the reader's fused number path equals strtod, in every position of a row")
    func readerMatchesStrtod() throws {
        let values = Self.hardCases + randomDecimals(count: 20_000, seed: 2)
        // Three columns so values sit at row start, middle and end; CRLF on some rows,
        // and no final newline, so the byte-wise path near the end is exercised too.
        var text = "a,b,c\n"
        for (i, v) in values.enumerated() {
            text += "\(v),\(values[(i + 1) % values.count]),\(values[(i + 2) % values.count])"
            if i + 1 < values.count { text += i % 3 == 0 ? "\r\n" : "\n" }
        }
        for chunks in [1, 7] {
            let t = try CSVTest.table(text, options: CSVTest.options(threads: 2, chunks: chunks))
            let a = try #require(t.csvNumbers("a"))
            let c = try #require(t.csvNumbers("c"))
            for (i, v) in values.enumerated() {
                #expect(a[i].bitPattern == reference(v).bitPattern, "\(v)")
                #expect(c[i].bitPattern == reference(values[(i + 2) % values.count]).bitPattern)
            }
        }
    }

    @Test("grammar: what is and is not a number")
    func grammar() {
        for text in [
            "", "-", "+", ".", "-.", "e5", "1e", "1e+", "1.2.3", "0x10", "1_000", "1,5", "nan", "NaN",
            "in", "infinit", "infinityy", "--1", "+-1", "1 2", "1e5x", "$1", "１",
        ] {
            #expect(fast(text) == nil, "accepted \(text)")
        }
        let accepted: [(String, Double)] = [
            (" 1", 1), ("1 ", 1), ("\t2\t", 2), ("+.5", 0.5), ("5.", 5), ("-5.e1", -50),
            ("INF", .infinity), ("-Infinity", -.infinity), ("+inf", .infinity), ("1E-2", 0.01),
        ]
        for (text, value) in accepted {
            #expect(fast(text) == value, "\(text)")
        }
    }
}
