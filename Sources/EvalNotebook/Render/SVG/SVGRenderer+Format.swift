/// Text and number formatting for the SVG renderer.
///
/// Every number in the output goes through one of these formatters, which work on
/// integers after a single rounding step: no locale, no `String(format:)`, never
/// exponent notation, and `-0` is written as `0`, so the same figure gives the same
/// bytes on every platform.
extension SVGRenderer {
    /// The largest magnitude written as a coordinate; anything beyond is clamped.
    static let coordinateLimit = 1e9

    /// A coordinate with at most `decimals` decimals (trailing zeros trimmed).
    static func num(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        let clamped = min(max(value, -coordinateLimit), coordinateLimit)
        let scale = power10(decimals)
        return decimal(mantissa: Int((clamped * scale).rounded()), exponent: -decimals)
    }

    /// `mantissa × 10^exponent` written out exactly, without trailing zeros.
    static func decimal(mantissa: Int, exponent: Int) -> String {
        if mantissa == 0 { return "0" }
        let sign = mantissa < 0 ? "-" : ""
        var digits = String(mantissa.magnitude)
        if exponent >= 0 {
            return sign + digits + String(repeating: "0", count: exponent)
        }
        let places = -exponent
        if digits.count <= places {
            digits = String(repeating: "0", count: places - digits.count + 1) + digits
        }
        let split = digits.index(digits.endIndex, offsetBy: -places)
        var fraction = String(digits[split...])
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let whole = String(digits[..<split])
        return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// 10^exponent by repeated exact multiplication (no libm, identical everywhere).
    static func power10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<min(abs(exponent), 400) { result *= 10 }
        return exponent >= 0 ? result : 1 / result
    }

    /// The decimal exponent `e` with `10^e <= value < 10^(e+1)`, for a positive finite value.
    static func exponent10(_ value: Double) -> Int {
        guard value.isFinite, value > 0 else { return 0 }
        var e = 0
        while e < 308, power10(e + 1) <= value { e += 1 }
        while e > -320, power10(e) > value { e -= 1 }
        return e
    }

    /// Magnitude suffixes for compact labels, largest first.
    static let suffixes: [(exponent: Int, suffix: String)] = [(12, "T"), (9, "B"), (6, "M"), (3, "k")]

    /// An exact tick value `mantissa × 10^exponent` written compactly: `0.25`, `40`, `1k`, `2.5M`.
    ///
    /// `largest` is the largest tick magnitude on the axis, so one axis uses one suffix. Axes whose largest tick is
    /// below 10,000 are written in full (`1500`, not `1.5k`).
    static func tickLabel(mantissa: Int, exponent: Int, largest: Double) -> String {
        for (shift, suffix) in suffixes where largest >= power10(shift) && largest >= 10_000 {
            return mantissa == 0 ? "0" : decimal(mantissa: mantissa, exponent: exponent - shift) + suffix
        }
        return decimal(mantissa: mantissa, exponent: exponent)
    }

    /// A data value in a few significant digits: `12`, `0.873`, `0.05`, `12.3k`, `4.5M`.
    ///
    /// Integers below 100,000 are written in full, since they are usually counts. The value is rounded before the
    /// suffix is chosen, so 999,999 is `1M`, not `1000k`.
    static func compact(_ value: Double, significant: Int = 3) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value < 0 ? "−∞" : "∞") }
        let magnitude = abs(value)
        if magnitude < 100_000, value == value.rounded() { return decimal(mantissa: Int(value), exponent: 0) }
        if magnitude < 1e-6 { return "0" }
        let exponent = exponent10(magnitude) - (significant - 1)
        let scaled = exponent >= 0 ? value / power10(exponent) : value * power10(-exponent)
        let mantissa = Int(scaled.rounded())
        let rounded = Double(mantissa.magnitude) * power10(exponent)
        for (shift, suffix) in suffixes where rounded >= power10(shift) {
            return decimal(mantissa: mantissa, exponent: exponent - shift) + suffix
        }
        return decimal(mantissa: mantissa, exponent: exponent)
    }

    /// Label text for SVG: on one line, then escaped for XML.
    ///
    /// Line breaks and tabs become spaces, since a `<text>` element is one line.
    static func xml(_ text: String) -> String {
        var flat = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            flat.append(scalar == "\n" || scalar == "\r" || scalar == "\t" ? " " : scalar)
        }
        return XMLText.escape(String(flat))
    }

    /// Estimated width of `text` in a sans-serif font of `size` pixels (a fixed
    /// average advance per character, so layout does not depend on installed fonts).
    static func textWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.58
    }

    /// `text` cut to at most `limit` characters, ending in `…` when cut.
    static func truncate(_ text: String, limit: Int) -> String {
        let flat = text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
        guard flat.count > limit, limit > 1 else { return flat }
        return String(flat.prefix(limit - 1)) + "…"
    }

    /// `text` cut to fit `width` pixels at font `size`.
    static func fit(_ text: String, width: Double, size: Double) -> String {
        let limit = Int(width / (size * 0.58))
        return truncate(text, limit: max(limit, 2))
    }
}
