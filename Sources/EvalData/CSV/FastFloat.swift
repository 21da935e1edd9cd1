#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Correctly rounded decimal-to-double conversion straight from bytes.
///
/// Grammar: optional spaces or tabs, optional sign, digits with an optional `.` and
/// fraction (at least one digit in all), optional exponent `e`/`E` with optional sign
/// and digits, optional spaces or tabs. `inf` and `infinity` (any case, with sign) are
/// numbers too; `nan` is not (the CSV reader reads `NaN` as a missing value instead).
///
/// Most values take Clinger's fast path: a mantissa of at most 2^53 and a power of ten
/// up to 10^22 are both exact doubles, so one IEEE multiply or divide rounds correctly.
/// Everything else (long mantissas, large exponents) goes to `strtod`, which is correctly
/// rounded, so the result always equals `strtod` on the same text.
package enum FastFloat {
    /// Exact powers of ten: every one up to 10^22 is representable in a double.
    static let powers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses `count` bytes at `p` as a number; `nil` when they do not match the grammar.
    @inline(__always)
    package static func parse(_ p: UnsafePointer<UInt8>, count: Int) -> Double? {
        var i = 0
        var end = count
        while i < end, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
        while end > i, p[end - 1] == 0x20 || p[end - 1] == 0x09 { end -= 1 }
        guard i < end else { return nil }
        let start = i
        var negative = false
        if p[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        } else if p[i] == UInt8(ascii: "+") {
            i += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0  // digits held in `mantissa`, leading zeros excluded
        var scale = 0  // power of ten that `mantissa` must be multiplied by
        var sawDigit = false
        var truncated = false  // a nonzero digit did not fit in 19 significant digits
        while i < end {
            let d = p[i] &- 0x30
            if d > 9 { break }
            sawDigit = true
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                if mantissa != 0 { significant += 1 }
            } else {
                scale += 1
                if d != 0 { truncated = true }
            }
            i += 1
        }
        if i < end, p[i] == UInt8(ascii: ".") {
            i += 1
            while i < end {
                let d = p[i] &- 0x30
                if d > 9 { break }
                sawDigit = true
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    if mantissa != 0 { significant += 1 }
                    scale -= 1
                } else if d != 0 {
                    truncated = true
                }
                i += 1
            }
        }
        guard sawDigit else { return infinity(p + i, count: end - i, negative: negative) }
        if i < end, p[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if i < end, p[i] == UInt8(ascii: "-") {
                expNegative = true
                i += 1
            } else if i < end, p[i] == UInt8(ascii: "+") {
                i += 1
            }
            var exponent = 0
            var sawExpDigit = false
            while i < end {
                let d = p[i] &- 0x30
                if d > 9 { break }
                sawExpDigit = true
                // Saturate: beyond this every value is 0 or infinity anyway.
                if exponent < 100_000 { exponent = exponent * 10 + Int(d) }
                i += 1
            }
            guard sawExpDigit else { return nil }
            scale += expNegative ? -exponent : exponent
        }
        guard i == end else { return nil }
        if mantissa == 0 && !truncated { return negative ? -0.0 : 0.0 }
        if !truncated, mantissa <= 1 << 53 {
            if scale >= 0, scale <= 22 {
                let v = Double(mantissa) * powers[scale]
                return negative ? -v : v
            }
            if scale < 0, scale >= -22 {
                let v = Double(mantissa) / powers[-scale]
                return negative ? -v : v
            }
        }
        return slowPath(p + start, count: end - start)
    }

    /// `inf` or `infinity`, case-insensitive, after the sign has been consumed.
    private static func infinity(_ p: UnsafePointer<UInt8>, count: Int, negative: Bool) -> Double? {
        guard count == 3 || count == 8 else { return nil }
        // "infinity" as bytes, compared after folding ASCII letters to lower case.
        let word: StaticString = "infinity"
        let w = word.utf8Start
        for k in 0..<count where p[k] | 0x20 != w[k] { return nil }
        return negative ? -.infinity : .infinity
    }

    /// Hands validated text to `strtod` through a NUL-terminated scratch copy.
    private static func slowPath(_ p: UnsafePointer<UInt8>, count: Int) -> Double? {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
            guard let out = buffer.baseAddress else { return nil }
            for k in 0..<count { out[k] = CChar(bitPattern: p[k]) }
            out[count] = 0
            return strtod(out, nil)
        }
    }
}
