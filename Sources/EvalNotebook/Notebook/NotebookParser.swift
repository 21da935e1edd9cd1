import EvalLang
import Foundation
import OrderedCollections
import Yams

/// Reads a notebook file: front matter through Yams, code cells through cmark.
package enum NotebookParser {
    /// Reads and parses the notebook file at `path`, naming it `displayPath` in errors and reports.
    package static func load(path: String, displayPath: String? = nil) throws(NotebookError) -> Notebook {
        let shown = displayPath ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw .cannotRead(path: shown, reason: exists ? "permission denied or not a file" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column) = firstInvalidUTF8(data)
            throw .invalidUTF8(path: shown, line: line, column: column)
        }
        return try parse(text, path: shown)
    }

    /// The line and column (1-based, counting characters) of the first byte that is not valid UTF-8.
    ///
    /// - Complexity: O(n) in the bytes.
    static func firstInvalidUTF8(_ data: Data) -> (line: Int, column: Int) {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var line = 1, column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput, .error: return (line, column)
            }
        }
    }

    /// Splits notebook text into front matter, prose and cells; `path` names it in errors.
    package static func parse(_ text: String, path: String) throws(NotebookError) -> Notebook {
        // A UTF-8 byte order mark is an encoding detail, not prose: cmark skips it, and
        // so does everything here, while `source` keeps the file's bytes as they are.
        let content = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        let lines = SourceLines.split(content)
        var frontMatter = FrontMatter()
        var bodyStart = 0
        if let first = lines.first, isFrontMatterFence(first) {
            guard
                let close = lines.indices.dropFirst().first(where: {
                    isFrontMatterFence(lines[$0])
                        || SourceLines.content(lines[$0]).trimmingCharacters(in: .whitespaces) == "..."
                })
            else { throw .unterminatedFrontMatter(path: path) }
            frontMatter = try FrontMatterParser.parse(lines[1..<close].joined(), path: path, firstLine: 2)
            bodyStart = close + 1
        }
        let body = lines[bodyStart...].joined()
        guard let document = MarkdownDocument(body) else {
            throw .cannotRead(path: path, reason: "the Markdown parser could not allocate memory")
        }
        var segments: [Notebook.Segment] = []
        var next = bodyStart
        var index = 0
        for block in document.topLevelFencedBlocks {
            guard Notebook.isCell(info: block.info) else { continue }
            // cmark's lines are 1-based within the body; `lines` is 0-based over the file.
            let start = min(lines.count, bodyStart + block.startLine - 1)
            let end = max(start, min(lines.count - 1, bodyStart + block.endLine - 1))
            guard start >= next, start < lines.count else { continue }
            if start > next { segments.append(.prose(lines[next..<start].joined())) }
            let firstLine = start + 2
            let code = SourceLines.normalized(block.literal)
            let options = try parseOptions(code, path: path, firstLine: firstLine)
            segments.append(
                .cell(
                    Cell(
                        index: index, code: code, firstLine: firstLine, options: options,
                        source: lines[start...end].joined())))
            index += 1
            next = end + 1
        }
        if next < lines.count { segments.append(.prose(lines[next...].joined())) }
        return Notebook(path: path, source: text, frontMatter: frontMatter, segments: segments)
    }

    /// A `---` line (trailing spaces allowed) opens or closes the front matter.
    private static func isFrontMatterFence(_ line: Substring) -> Bool {
        SourceLines.content(line).trimmingCharacters(in: .whitespaces) == "---"
    }

    static let optionNames = ["label", "caption", "echo", "output"]

    /// `#| key: value` lines at the top of a cell.
    static func parseOptions(_ code: String, path: String, firstLine: Int) throws(NotebookError) -> CellOptions {
        var options = CellOptions()
        for (offset, raw) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard raw.hasPrefix("#|") else { break }
            let line = firstLine + offset
            let body = raw.dropFirst(2)
            guard let colon = body.firstIndex(of: ":") else {
                throw .cellOption(path: path, line: line, message: "a cell option looks like `#| label: roc`")
            }
            let key = body[..<colon].trimmingCharacters(in: .whitespaces)
            let value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "label": options.label = value
            case "caption": options.caption = value
            case "echo", "output":
                guard value == "true" || value == "false" else {
                    throw .cellOption(path: path, line: line, message: "`\(key)` must be true or false, not `\(value)`")
                }
                if key == "echo" { options.echo = value == "true" } else { options.output = value == "true" }
            default:
                throw .cellOption(
                    path: path, line: line, message: "unknown cell option `\(key)`",
                    help: Suggestion.help(for: key, in: optionNames) ?? "options are label, caption, echo and output")
            }
        }
        return options
    }
}
