/// Token rules shared by inference and forced types: missing tokens, bools, UTF-8.
///
/// Inference is per column over all rows: a column is `number` if every non-missing
/// value parses as a number (`FastFloat` grammar, `inf` included), `bool` if every one
/// is a bool token, otherwise `string`. A column with no values at all is `number`.
enum CSVTokens {
    /// Exact, case-sensitive spellings of a missing value, quoted or not: empty,
    /// `NA`, `N/A`, `NaN`, `null`, `None` (pandas' common defaults).
    @inline(__always)
    static func isMissing(_ p: UnsafePointer<UInt8>, count n: Int) -> Bool {
        switch n {
        case 0:
            return true
        case 2:
            return p[0] == 0x4E && p[1] == 0x41  // NA
        case 3:
            return (p[0] == 0x4E && p[1] == 0x2F && p[2] == 0x41)  // N/A
                || (p[0] == 0x4E && p[1] == 0x61 && p[2] == 0x4E)  // NaN
        case 4:
            return (p[0] == 0x6E && p[1] == 0x75 && p[2] == 0x6C && p[3] == 0x6C)  // null
                || (p[0] == 0x4E && p[1] == 0x6F && p[2] == 0x6E && p[3] == 0x65)  // None
        default:
            return false
        }
    }

    /// `true`/`True`/`TRUE` and `false`/`False`/`FALSE`, with surrounding spaces or
    /// tabs allowed as for numbers; `nil` for anything else (no `0`/`1`, `yes`/`no`).
    @inline(__always)
    static func bool(_ p: UnsafePointer<UInt8>, count: Int) -> Bool? {
        var i = 0
        var end = count
        while i < end, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
        while end > i, p[end - 1] == 0x20 || p[end - 1] == 0x09 { end -= 1 }
        let q = p + i
        switch end - i {
        case 4:
            if matches(q, "true") || matches(q, "True") || matches(q, "TRUE") { return true }
        case 5:
            if matches(q, "false") || matches(q, "False") || matches(q, "FALSE") { return false }
        default:
            break
        }
        return nil
    }

    @inline(__always)
    private static func matches(_ p: UnsafePointer<UInt8>, _ word: StaticString) -> Bool {
        let w = word.utf8Start
        for k in 0..<word.utf8CodeUnitCount where p[k] != w[k] { return false }
        return true
    }

    /// Whether the bytes are well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF).
    static func isValidUTF8(_ p: UnsafePointer<UInt8>, count n: Int) -> Bool {
        var i = 0
        while i < n {
            let b0 = p[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            let width: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: width = 2
            case 0xE0: width = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: width = 3
            case 0xED: width = 3; upper = 0x9F
            case 0xF0: width = 4; lower = 0x90
            case 0xF1...0xF3: width = 4
            case 0xF4: width = 4; upper = 0x8F
            default: return false
            }
            guard i + width <= n else { return false }
            // Only the second byte has a narrowed range; the rest are plain continuations.
            guard p[i + 1] >= lower, p[i + 1] <= upper else { return false }
            for k in 2..<max(width, 2) where p[i + k] & 0xC0 != 0x80 { return false }
            i += width
        }
        return true
    }

    /// A short, lossy rendering of a field for error messages.
    static func preview(_ p: UnsafePointer<UInt8>, count: Int) -> String {
        let limit = 40
        let text = String(decoding: UnsafeBufferPointer(start: p, count: min(count, limit)), as: UTF8.self)
        return count > limit ? text + "…" : text
    }
}
