extension FigureText {
    // MARK: - Text: columns, cutting and padding

    /// Labels come from data: control characters (newlines, escapes, tabs) would break
    /// the layout or the terminal, so they become spaces.
    static func clean(_ text: String) -> String {
        TerminalText.label(text)
    }

    /// Terminal columns a text takes: one a character, two for East Asian wide ones and
    /// emoji.
    static func columns(_ text: String) -> Int {
        var total = 0
        for ch in text { total += columns(ch) }
        return total
    }

    static func columns(_ ch: Character) -> Int {
        guard let scalar = ch.unicodeScalars.first else { return 0 }
        return isWide(scalar.value) ? 2 : 1
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The text cut to `limit` columns, ending in `…` when something was cut.
    static func truncate(_ text: String, to limit: Int) -> String {
        guard limit > 0 else { return "" }
        if columns(text) <= limit { return text }
        var out = ""
        var used = 0
        for ch in text {
            let w = columns(ch)
            if used + w > limit - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// A set of labels cut to `limit` columns.
    ///
    /// Cut at the end they often collide (`category 1`, `category 2` → `cat…`); when that loses distinctions the
    /// labels had, they keep their start and more of their end instead (`c…y 1`, `c…y 2`).
    static func truncateLabels(_ labels: [String], to limit: Int) -> [String] {
        let cut = labels.map { truncate($0, to: limit) }
        guard Set(cut).count < Set(labels).count, limit >= 3 else { return cut }
        return labels.map { label in
            guard columns(label) > limit else { return label }
            var head = ""
            var used = 0
            for ch in label {
                let w = columns(ch)
                if used + w > (limit - 1) / 3 { break }
                head.append(ch)
                used += w
            }
            var tail: [Character] = []
            for ch in label.reversed() {
                let w = columns(ch)
                if used + w > limit - 1 { break }
                tail.insert(ch, at: 0)
                used += w
            }
            return head + "…" + String(tail)
        }
    }

    /// Cut or padded with spaces on the right to exactly `width` columns.
    static func padRight(_ text: String, _ width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - columns(cut)))
    }

    /// Cut or padded with spaces on the left to exactly `width` columns.
    static func padLeft(_ text: String, _ width: Int) -> String {
        let cut = truncate(text, to: width)
        return String(repeating: " ", count: max(0, width - columns(cut))) + cut
    }

    /// Drops trailing spaces, so lines never carry invisible padding.
    static func trimRight(_ text: String) -> String {
        var out = Substring(text)
        while out.last == " " { out = out.dropLast() }
        return String(out)
    }
}
