/// How a stored integer becomes a number: as it is, or as a time, a date or a decimal.
enum ParquetIntegerScale: Sendable, Equatable {
    case none
    /// A time or timestamp in units of 10^-k seconds; the number is seconds.
    case perSecond(powerOfTen: Int)
    /// Days since the epoch; the number is seconds since the epoch.
    case days
    /// An unscaled decimal; the number is it divided by 10^scale.
    case decimal(scale: Int)

    /// 10^k as a double (exact up to 10^22).
    static func powerOfTen(_ k: Int) -> Double {
        var result = 1.0
        for _ in 0..<min(abs(k), 400) { result *= 10 }
        return k < 0 ? 1 / result : result
    }

    /// `n / 10^k`, correctly rounded, for `k` in 0...18 (beyond, within an ulp or two).
    ///
    /// Below 2^53, `n` is exact as a double and one division rounds correctly. Beyond
    /// (nanoseconds since 1970, wide decimals), the quotient of the doubles is within
    /// an ulp or two, and is corrected by comparing candidate × 10^k with `n` exactly in
    /// 128-bit integers, ties to even, as `float(Decimal(n) / 10**k)` rounds in Python.
    @inline(__always)
    static func divide(_ n: Int64, powerOfTen k: Int) -> Double {
        if n > -(1 << 53), n < 1 << 53, k <= 22 { return Double(n) / powerOfTen(k) }
        guard k >= 0, k <= 18 else { return Double(n) / powerOfTen(k) }
        return corrected(n, powerOfTen: k)
    }

    private static func corrected(_ n: Int64, powerOfTen k: Int) -> Double {
        var d: Int64 = 1
        for _ in 0..<k { d *= 10 }
        var q = Double(n) / Double(d)
        for _ in 0..<4 {
            guard q.isNormal else { return q }
            // q = m · 2^e exactly.
            let e = Int(q.exponent) - 52
            let m = Int128(q.significandBitPattern | (1 << 52)) * (q < 0 ? -1 : 1)
            // The true value minus q, in units where one ulp of q is `unit`.
            let x: Int128
            let y: Int128
            let unit: Int128
            if e <= 0 {
                guard -e < 64 else { return q }
                x = Int128(n) << -e
                y = m * Int128(d)
                unit = Int128(d)
            } else {
                guard e < 12 else { return q }
                x = Int128(n)
                y = (m * Int128(d)) << e
                unit = Int128(d) << e
            }
            // |x| < 2^122 and |y| < 2^113 for every n and k this path takes (see above);
            // wrapping arithmetic keeps even an impossible case from trapping.
            let twice = 2 &* (x &- y)
            if twice.magnitude < unit.magnitude { return q }
            if twice.magnitude == unit.magnitude, m % 2 == 0 { return q }
            q = twice > 0 ? q.nextUp : q.nextDown
        }
        return q
    }

    /// Writes `count` converted values; returns whether any plain integer was beyond ±2^53
    /// (and so rounded).
    ///
    /// `load(i)` gives the i-th stored integer.
    ///
    /// - Complexity: O(`count`).
    @inline(__always)
    func convert(_ count: Int, into out: UnsafeMutablePointer<Double>, _ load: (Int) -> Int64) -> Bool {
        switch self {
        case .none:
            var far: UInt64 = 0
            for i in 0..<count {
                let v = load(i)
                // Branch-free: set when v is outside [-2^53, 2^53].
                far |= UInt64(bitPattern: v &+ (1 << 53)) > (1 << 54) ? 1 : 0
                out[i] = Double(v)
            }
            return far != 0
        case .perSecond(let k), .decimal(let k):
            for i in 0..<count { out[i] = Self.divide(load(i), powerOfTen: k) }
        case .days:
            for i in 0..<count { out[i] = Double(load(i)) * 86_400 }
        }
        return false
    }
}

/// The stored form of a number column's values, which fixes how each is read.
enum ParquetNumberSource: Sendable, Equatable {
    case int32(ParquetIntegerScale)
    case uint32
    case int64(ParquetIntegerScale)
    case uint64
    case float
    case double
    /// IEEE half precision in FIXED_LEN_BYTE_ARRAY(2).
    case float16
    /// Spark's timestamps: nanoseconds of the day, then the Julian day.
    case int96
    /// A decimal as big-endian two's complement in FIXED_LEN_BYTE_ARRAY.
    case fixedDecimal(scale: Int)
    /// A decimal as big-endian two's complement in BYTE_ARRAY.
    case binaryDecimal(scale: Int)

    /// Seconds since the epoch of an INT96 timestamp (12 bytes at `p`).
    @inline(__always)
    static func int96Seconds(_ p: UnsafeRawPointer) -> Double {
        let nanos = Int64(littleEndian: p.loadUnaligned(as: Int64.self))
        let julian = Int64(Int32(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: Int32.self)))
        // 2440588 is the Julian day of 1970-01-01. Nanoseconds since the epoch fit 64 bits
        // for 1677 to 2262; beyond, seconds and the rest of a day convert apart.
        let (day, o1) = (julian - 2_440_588).multipliedReportingOverflow(by: 86_400_000_000_000)
        let (total, o2) = day.addingReportingOverflow(nanos)
        if !o1, !o2 { return ParquetIntegerScale.divide(total, powerOfTen: 9) }
        return Double(julian - 2_440_588) * 86_400 + Double(nanos) / 1e9
    }

    /// An IEEE half float's value (2 little-endian bytes at `p`).
    @inline(__always)
    static func float16(_ p: UnsafeRawPointer) -> Double {
        let bits = UInt16(littleEndian: p.loadUnaligned(as: UInt16.self))
        let sign: Double = bits & 0x8000 != 0 ? -1 : 1
        let exponent = Int((bits >> 10) & 0x1F)
        let fraction = Double(bits & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }

    /// A decimal stored as a big-endian two's-complement integer of `count` bytes, divided by 10^scale.
    ///
    /// Correctly rounded when the unscaled value fits 64 bits (see `ParquetIntegerScale.divide`),
    /// within an ulp or two beyond.
    static func bigEndianDecimal(_ p: UnsafeRawPointer, count: Int, scale: Int) -> Double {
        guard count > 0 else { return 0 }
        let bytes = p.assumingMemoryBound(to: UInt8.self)
        let negative = bytes[0] & 0x80 != 0
        // Wider than 16 bytes but only sign extension in front: the last 16 bytes hold it.
        let skip = max(0, count - 16)
        let sign: UInt8 = negative ? 0xFF : 0
        if (0..<skip).allSatisfy({ bytes[$0] == sign }), (bytes[skip] & 0x80 != 0) == negative {
            var value: Int128 = negative ? -1 : 0
            for i in skip..<count { value = (value << 8) | Int128(bytes[i]) }
            if let small = Int64(exactly: value) { return ParquetIntegerScale.divide(small, powerOfTen: scale) }
            return Double(value) / ParquetIntegerScale.powerOfTen(scale)
        }
        // The magnitude, byte by byte (two's complement negated for a negative value).
        var magnitude = 0.0
        var carry = 1
        var digits = [UInt8](repeating: 0, count: count)
        for i in stride(from: count - 1, through: 0, by: -1) {
            if negative {
                let v = Int(~bytes[i]) + carry
                digits[i] = UInt8(truncatingIfNeeded: v)
                carry = v >> 8
            } else {
                digits[i] = bytes[i]
            }
        }
        for d in digits { magnitude = magnitude * 256 + Double(d) }
        return (negative ? -magnitude : magnitude) / ParquetIntegerScale.powerOfTen(scale)
    }

}
