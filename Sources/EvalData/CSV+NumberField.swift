/// The CSV reader's hot paths for plain decimal fields: `parsePlain` when the field's
/// end is already known, `parseField` when tokenizing and parsing in one pass.
///
/// `parseField` accepts `-?digits[.digits][e±digits]` with at most 19 digits that fits Clinger's fast
/// path and is followed by the delimiter, LF, CRLF or the end. Anything else (spaces,
/// `+`, `inf`, missing tokens, long mantissas, quotes) returns `nil` and the caller takes
/// the general path, `FastFloat.parse`, which yields the same value for every input
/// accepted here — both are correctly rounded.
///
/// Digit runs are read eight bytes at a time (SWAR): one load finds the run's length
/// and converts it with three multiplies, instead of a loop whose exit branch is
/// mispredicted on almost every field.
extension FastFloat {
    /// Parses the field at `pos`; on success moves `pos` to its terminator (past a CR).
    @inline(__always)
    static func parseField(_ base: UnsafePointer<UInt8>, _ pos: inout Int, end: Int, delimiter: UInt8) -> Double? {
        var i = pos
        let negative = i < end && base[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        // Two eight-byte loads at most (integer part, fraction); near the end of the
        // chunk there may be fewer bytes, so fall back to the byte loop.
        guard i + 8 <= end else { return parseFieldBytewise(base, &pos, end: end, delimiter: delimiter) }
        let whole = digitRun(base + i)
        guard whole.count < 8 else { return parseFieldBytewise(base, &pos, end: end, delimiter: delimiter) }
        var mantissa = whole.value
        var digits = whole.count
        var scale = 0
        i += whole.count
        if base[i] == UInt8(ascii: ".") {
            i += 1
            guard i + 8 <= end else { return parseFieldBytewise(base, &pos, end: end, delimiter: delimiter) }
            let fraction = digitRun(base + i)
            guard fraction.count < 8 else { return parseFieldBytewise(base, &pos, end: end, delimiter: delimiter) }
            mantissa = mantissa &* tens[fraction.count] &+ fraction.value
            digits += fraction.count
            scale = -fraction.count
            i += fraction.count
        }
        guard digits > 0 else { return nil }
        return finish(base, &pos, at: i, end: end, delimiter: delimiter,
                      mantissa: mantissa, scale: scale, negative: negative)
    }

    /// A plain decimal field whose bounds are already known (`-?digits[.digits]`, at most
    /// seven digits in each part, so the mantissa is below 10^14 < 2^53 and the scale
    /// within 10^-7: always Clinger's exact case), or `nil` for the general path. `readable` is how many
    /// bytes may be loaded from `p`, at least `count`: the eight-byte loads may look past
    /// the field, never past the buffer. The result does not feed the next field's
    /// position, so the CPU overlaps the conversions of neighbouring fields.
    @inline(__always)
    static func parsePlain(_ p: UnsafePointer<UInt8>, count n: Int, readable: Int) -> Double? {
        var i = 0
        let negative = n > 0 && p[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        guard readable - i >= 8 else { return nil }
        let whole = digitRun(p + i)
        guard whole.count < 8 else { return nil }
        var mantissa = whole.value
        var digits = whole.count
        var scale = 0
        i += whole.count
        if i < n, p[i] == UInt8(ascii: ".") {
            i += 1
            guard readable - i >= 8 else { return nil }
            let fraction = digitRun(p + i)
            guard fraction.count < 8 else { return nil }
            mantissa = mantissa &* tens[fraction.count] &+ fraction.value
            digits += fraction.count
            scale = -fraction.count
            i += fraction.count
        }
        // Exactly the field: anything after the digits (an exponent, spaces) is general.
        guard i == n, digits > 0 else { return nil }
        let v = scale == 0 ? Double(mantissa) : Double(mantissa) / powers[-scale]
        return negative ? -v : v
    }

    /// 10^k as integers, for joining the integer and fraction runs.
    private static let tens: [UInt64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000]

    /// The length (0...8) and value of the run of ASCII digits in the 8 bytes at `p`.
    @inline(__always)
    private static func digitRun(_ p: UnsafePointer<UInt8>) -> (count: Int, value: UInt64) {
        let word = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
        let x = word ^ 0x3030_3030_3030_3030  // digit bytes become 0...9
        // High bit set in every byte that is not a digit: x ≥ 10 there (carries only
        // run upwards, so the lowest flagged byte — the first non-digit — is exact).
        let flags = ((x &+ 0x7676_7676_7676_7676) | x) & 0x8080_8080_8080_8080
        let count = flags == 0 ? 8 : flags.trailingZeroBitCount >> 3
        guard count > 0 else { return (0, 0) }
        // Shift the run to the top bytes: the bytes after it fall off, and zero bytes
        // enter as leading zeros. Then combine pairs, quads and octets of digits.
        var v = x << UInt64(8 * (8 - count))
        v = (v &* 2561) >> 8
        v = ((v & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        v = ((v & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
        return (count, v)
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

    /// The same grammar a byte at a time, for fields near the end of a chunk or with
    /// runs of eight digits or more.
    private static func parseFieldBytewise(_ base: UnsafePointer<UInt8>, _ pos: inout Int, end: Int, delimiter: UInt8) -> Double? {
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
        return finish(base, &pos, at: i, end: end, delimiter: delimiter,
                      mantissa: mantissa, scale: scale, negative: negative)
    }
}
