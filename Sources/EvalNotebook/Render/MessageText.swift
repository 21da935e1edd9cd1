/// Tool messages (warnings, check details) in reports: the text is escaped, and
/// the names the message quotes in backticks (`` `roc_auc` is undefined``) are
/// shown as code, the way the terminal shows them.
enum MessageText {
    /// The message split into plain text and quoted code, alternating, starting
    /// with text; nil when its backticks do not pair up.
    static func pieces(_ message: String) -> [Substring]? {
        let pieces = message.split(separator: "`", omittingEmptySubsequences: false)
        guard pieces.count % 2 == 1 else { return nil }
        return pieces
    }

    /// For `report.md`: escaped text, quoted names as code spans.
    static func markdown(_ message: String) -> String {
        guard let pieces = pieces(message) else { return MarkdownRenderer.escapeInline(message) }
        return pieces.enumerated().map { index, piece in
            index % 2 == 0 ? MarkdownRenderer.escapeInline(String(piece)) : inlineCode(String(piece))
        }.joined()
    }

    /// For `report.html`: escaped text, quoted names in `<code>`.
    static func html(_ message: String) -> String {
        guard let pieces = pieces(message) else { return HTMLRenderer.escape(message) }
        return pieces.enumerated().map { index, piece in
            index % 2 == 0 ? HTMLRenderer.escape(String(piece)) : "<code>\(HTMLRenderer.escape(String(piece)))</code>"
        }.joined()
    }

    /// A Markdown code span that holds `text` whatever backticks it contains: the fence is longer than any run of
    /// backticks inside, and padded with a space where the text starts or ends with one.
    ///
    /// Line breaks become spaces.
    static func inlineCode(_ text: String) -> String {
        let flat = String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        var longest = 0, run = 0
        for ch in flat {
            run = ch == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return fence + pad + flat + pad + fence
    }
}
