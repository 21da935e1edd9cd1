/// The CSV reader's hot path: a plain decimal field, tokenized and parsed in one pass.
///
/// Accepts `-?digits[.digits][e±digits]` with at most 19 digits that fits Clinger's fast
/// path and is followed by the delimiter, LF, CRLF or the end. Anything else (spaces,
/// `+`, `inf`, missing tokens, long mantissas, quotes) returns `nil` and the caller takes
/// the general path, `FastFloat.parse`, which yields the same value for every input
/// accepted here — both are correctly rounded.
///
/// Digits are read one byte at a time: reading eight at a time (SWAR) was measured no
/// faster here, since the loop exits of a column's fields are well predicted.
extension FastFloat {
    /// Parses the field at `pos`; on success moves `pos` to its terminator (past a CR).
    @inline(__always)
    static func parseField(_ base: UnsafePointer<UInt8>, _ pos: inout Int, end: Int, delimiter: UInt8) -> Double? {
        // With 64 bytes of room, digit runs capped at 20 each (42 bytes with sign and
        // point) cannot reach `end`, so the digit loops need no bounds checks; near the
        // end of a chunk the checked loops run instead.
        guard end &- pos >= 64 else { return parseFieldChecked(base, &pos, end: end, delimiter: delimiter) }
        var i = pos
        let negative = base[i] == UInt8(ascii: "-")
        if negative { i &+= 1 }
        var mantissa: UInt64 = 0
        let intStart = i
        while base[i] &- 0x30 < 10, i &- intStart < 20 {
            mantissa = mantissa &* 10 &+ UInt64(base[i] &- 0x30)
            i &+= 1
        }
        var digits = i &- intStart
        var scale = 0
        if base[i] == UInt8(ascii: ".") {
            i &+= 1
            let fracStart = i
            while base[i] &- 0x30 < 10, i &- fracStart < 20 {
                mantissa = mantissa &* 10 &+ UInt64(base[i] &- 0x30)
                i &+= 1
            }
            scale = fracStart &- i
            digits &+= i &- fracStart
        }
        // 19 digits cannot overflow a UInt64, so the mantissa above is exact.
        guard digits > 0, digits <= 19 else { return nil }
        return finish(
            base, &pos, at: i, end: end, delimiter: delimiter,
            mantissa: mantissa, scale: scale, negative: negative)
    }

    /// The exponent, the terminator check and the fast-path multiply, shared by both loops.
    @inline(__always)
    private static func finish(
        _ base: UnsafePointer<UInt8>, _ pos: inout Int, at start: Int, end: Int, delimiter: UInt8,
        mantissa: UInt64, scale: Int, negative: Bool
    ) -> Double? {
        var i = start
        var scale = scale
        if i < end, base[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if i < end, base[i] == UInt8(ascii: "-") || base[i] == UInt8(ascii: "+") {
                expNegative = base[i] == UInt8(ascii: "-")
                i += 1
            }
            let expStart = i
            var exponent = 0
            while i < end, i - expStart < 4 {
                let d = base[i] &- 0x30
                if d > 9 { break }
                exponent = exponent * 10 + Int(d)
                i += 1
            }
            guard i > expStart else { return nil }
            scale += expNegative ? -exponent : exponent
        }
        if i < end {
            let c = base[i]
            if c == 0x0D, i + 1 == end || base[i + 1] == 0x0A {
                i += 1
            } else if c != delimiter, c != 0x0A {
                return nil
            }
        }
        guard mantissa <= 1 << 53, scale >= -22, scale <= 22 else { return nil }
        let v = scale >= 0 ? Double(mantissa) * powers[scale] : Double(mantissa) / powers[-scale]
        pos = i
        return negative ? -v : v
    }

    /// `parseField` with bounds checks, for fields near the end of a chunk.
    private static func parseFieldChecked(_ base: UnsafePointer<UInt8>, _ pos: inout Int, end: Int, delimiter: UInt8)
        -> Double?
    {
        var i = pos
        let negative = i < end && base[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var mantissa: UInt64 = 0
        let intStart = i
        while i < end {
            let d = base[i] &- 0x30
            if d > 9 { break }
            mantissa = mantissa &* 10 &+ UInt64(d)
            i += 1
        }
        var digits = i - intStart
        var scale = 0
        if i < end, base[i] == UInt8(ascii: ".") {
            i += 1
            let fracStart = i
            while i < end {
                let d = base[i] &- 0x30
                if d > 9 { break }
                mantissa = mantissa &* 10 &+ UInt64(d)
                i += 1
            }
            scale = fracStart - i
            digits += i - fracStart
        }
        // 19 digits cannot overflow a UInt64, so the mantissa above is exact.
        guard digits > 0, digits <= 19 else { return nil }
        return finish(
            base, &pos, at: i, end: end, delimiter: delimiter,
            mantissa: mantissa, scale: scale, negative: negative)
    }
}
