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
        guard let pieces = pieces(message) else { return MarkdownText.inline(message) }
        return pieces.enumerated().map { index, piece in
            index % 2 == 0 ? MarkdownText.inline(String(piece)) : MarkdownText.codeSpan(String(piece))
        }.joined()
    }

    /// For `report.html`: escaped text, quoted names in `<code>`.
    static func html(_ message: String) -> String {
        guard let pieces = pieces(message) else { return HTMLText.escape(message) }
        return pieces.enumerated().map { index, piece in
            index % 2 == 0 ? HTMLText.escape(String(piece)) : "<code>\(HTMLText.escape(String(piece)))</code>"
        }.joined()
    }
}
