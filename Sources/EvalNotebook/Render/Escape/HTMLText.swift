/// HTML's quoting rule for strings from data, in element content and in quoted attribute values alike.
///
/// It works on Unicode scalars, the unit HTML parsers read: a Character can hold a special character together with
/// combining marks (`<` + U+0338), which a comparison of Characters would let through unescaped.
package enum HTMLText {
    /// `text` with `& < > " '` as references, and the characters HTML does not allow dropped.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Whether HTML takes `scalar` as text.
    ///
    /// Control characters other than ASCII whitespace, and noncharacters, are parse errors (NUL is even removed by
    /// the parser), so a report never carries them.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\t", "\n", "\u{0C}", "\r": return true
        default:
            return scalar.properties.generalCategory != .control && !scalar.properties.isNoncharacterCodePoint
        }
    }
}
