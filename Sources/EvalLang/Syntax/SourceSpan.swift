/// A range of source text, carried from the lexer through to runtime errors.
///
/// Offsets are UTF-8 byte offsets into the cell's code; `line` and `column` are
/// 1-based and already include the cell's position in its notebook, so a span can
/// be printed as `file:line:column` without further bookkeeping.
public struct SourceSpan: Sendable, Equatable, Hashable {
    package var start: Int
    package var end: Int
    package var line: Int
    package var column: Int

    package init(start: Int, end: Int, line: Int, column: Int) {
        self.start = start
        self.end = end
        self.line = line
        self.column = column
    }

    /// A span covering both `self` and `other` (which must start later).
    package func through(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: start, end: max(end, other.end), line: line, column: column)
    }

    package static let none = SourceSpan(start: 0, end: 0, line: 1, column: 1)
}

/// A piece of code with the name and place it came from.
public struct SourceText: Sendable, Equatable {
    /// What the user calls it: a notebook path, `<eval>`, `<repl>`.
    package var name: String
    package var text: String
    /// The line in `name` on which `text` starts (1-based).
    package var firstLine: Int

    package init(name: String, text: String, firstLine: Int = 1) {
        self.name = name
        self.text = text
        self.firstLine = firstLine
    }

    /// The text of source line `line` (in `name`'s numbering), without its newline.
    package func lineText(_ line: Int) -> String? {
        let index = line - firstLine
        guard index >= 0 else { return nil }
        var current = 0
        for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == index { return String(piece) }
            current += 1
        }
        return nil
    }

    /// The code `span` covers, by UTF-8 offsets; empty when the span is not inside the text.
    package func slice(_ span: SourceSpan) -> String {
        let utf8 = Array(text.utf8)
        guard span.start >= 0, span.start <= span.end, span.end <= utf8.count else { return "" }
        return String(decoding: utf8[span.start..<span.end], as: UTF8.self)
    }
}
