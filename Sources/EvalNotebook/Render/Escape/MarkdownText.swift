/// Markdown's quoting rules for strings from data: inline text, table cells, code spans and code fences.
///
/// They work on Unicode scalars, not Characters: Swift reads `"\r\n"` as one Character, which a comparison with
/// `"\n"` misses, and a line break left in a table cell would end its row and break the table.
package enum MarkdownText {
    /// Text shown inline: Markdown punctuation backslash-escaped, `&` as a reference, line breaks as spaces.
    package static func inline(_ text: String) -> String {
        escape(text, pipe: false)
    }

    /// Text in a table cell: as `inline`, and `|` escaped so it cannot end the cell.
    package static func tableCell(_ text: String) -> String {
        escape(text, pipe: true)
    }

    /// A code span that holds `text` whatever backticks it contains.
    ///
    /// The fence is longer than any run of backticks inside, and padded with a space where the text starts or ends
    /// with one. Line breaks become spaces, since a code span is one line.
    package static func codeSpan(_ text: String) -> String {
        var flat = String.UnicodeScalarView()
        forEachScalarOnOneLine(text) { flat.append($0) }
        let code = String(flat)
        let fence = String(repeating: "`", count: longestBacktickRun(code) + 1)
        let pad = flat.first == "`" || flat.last == "`" ? " " : ""
        return fence + pad + code + pad + fence
    }

    /// A code block fence for `text`.
    ///
    /// At least three backticks, and more than any run of backticks inside, so no line of the text can close the
    /// block early.
    package static func fence(for text: String) -> String {
        String(repeating: "`", count: max(3, longestBacktickRun(text) + 1))
    }

    private static func escape(_ text: String, pipe: Bool) -> String {
        var out = String.UnicodeScalarView()
        forEachScalarOnOneLine(text) { scalar in
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "!":
                out.append("\\")
                out.append(scalar)
            case "|" where pipe:
                out.append("\\")
                out.append(scalar)
            case "&":
                out.append(contentsOf: "&amp;".unicodeScalars)
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Calls `body` with the scalars of `text` on one line.
    ///
    /// Each line break (`"\r\n"`, `"\r"` or `"\n"`) is one space; other control characters but tab are dropped
    /// (CommonMark would turn NUL into U+FFFD; the rest are invisible).
    private static func forEachScalarOnOneLine(_ text: String, _ body: (Unicode.Scalar) -> Void) {
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\r": body(" ")
            case "\n" where previous != "\r": body(" ")
            case "\n": break
            case "\t": body(scalar)
            default:
                if scalar.properties.generalCategory != .control { body(scalar) }
            }
        }
    }

    private static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0
        var run = 0
        for scalar in text.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
