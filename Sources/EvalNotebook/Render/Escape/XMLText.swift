/// XML's quoting rule for strings from data (SVG figures, JUnit files), in content and attribute values alike.
///
/// It works on Unicode scalars, the unit XML is defined in: Swift reads `"\r\n"` as one Character, which a comparison
/// with `"\n"` misses.
package enum XMLText {
    /// `text` with `& < > " '`, line breaks and tabs as references, and what XML 1.0 forbids or discourages dropped.
    ///
    /// Line breaks are references so they survive in attribute values, where a parser would turn a literal one into a
    /// space; `"\r\n"` and a lone `"\r"` become one `&#10;`, as a parser normalises literal ones.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#10;"
            case "\n" where previous != "\r": out += "&#10;"
            case "\n": break
            case "\t": out += "&#9;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
            previous = scalar
        }
        return out
    }

    /// Whether XML 1.0 takes `scalar` as a character.
    ///
    /// Not the C0 controls (tab and line breaks are handled apart), not U+FFFE or U+FFFF, and not DEL or the C1
    /// controls, which it discourages and no renderer shows.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }
}
