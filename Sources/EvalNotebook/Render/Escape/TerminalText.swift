/// Text bound for a terminal, with its control characters made visible.
///
/// Data can hold ESC, OSC, CR and other control bytes that would move the cursor, set the
/// window title or overwrite lines if printed raw. `safe` shows each C0 control (but tab
/// and newline) and DEL in caret notation (`^[`, `^M`, `^?`) and each C1 control as U+FFFD,
/// the terminal's escaper, as `HTMLText.escape` is HTML's; `label` flattens text for a
/// layout that counts columns.
package enum TerminalText {
    /// `text` with every control character but tab and newline made visible.
    ///
    /// - Complexity: O(n) in the text's scalars.
    package static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A: out.append(scalar)
            case 0x00..<0x20:
                out.append("^")
                out.append(Unicode.Scalar(UInt8(scalar.value + 0x40)))
            case 0x7F: out.append(contentsOf: "^?".unicodeScalars)
            case 0x80..<0xA0: out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// `text` on one line for a layout that counts columns (chart labels, table cells):
    /// every control character, newlines and tabs included, becomes a space.
    ///
    /// - Complexity: O(n) in the text's scalars.
    package static func label(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(scalar.properties.generalCategory == .control ? " " : scalar)
        }
        return String(out)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A) || (0x7F..<0xA0).contains(v)
    }
}
