/// Splits notebook text into lines the way cmark counts them.
///
/// A line ends at `\n`, `\r\n` or a lone `\r`, and keeps its ending, so joining
/// the lines gives back the text byte for byte. Swift's `Character` treats
/// `\r\n` as one character, which is why this works on UTF-8 bytes instead.
enum SourceLines {
    /// The lines of `text`, each with its line ending (the last may have none).
    static func split(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            let byte = utf8[i]
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
                i = utf8.index(after: i)
                continue
            }
            var next = utf8.index(after: i)
            if byte == UInt8(ascii: "\r"), next != utf8.endIndex, utf8[next] == UInt8(ascii: "\n") {
                next = utf8.index(after: next)
            }
            lines.append(text[start..<next])
            start = next
            i = next
        }
        if start != utf8.endIndex { lines.append(text[start...]) }
        return lines
    }

    /// A line without its line ending.
    static func content(_ line: Substring) -> Substring {
        var end = line.utf8.endIndex
        while end != line.utf8.startIndex {
            let before = line.utf8.index(before: end)
            let byte = line.utf8[before]
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else { break }
            end = before
        }
        return line[line.startIndex..<end]
    }

    /// `text` with every `\r\n` and lone `\r` turned into `\n`, so code sees one
    /// kind of line ending whatever editor saved the notebook.
    static func normalized(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        return split(text).map { line in
            let body = content(line)
            return body.utf8.count == line.utf8.count ? String(body) : String(body) + "\n"
        }.joined()
    }
}
