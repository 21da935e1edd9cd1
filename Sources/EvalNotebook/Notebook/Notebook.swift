import EvalLang
import OrderedCollections

/// A parsed notebook (SPEC §3): front matter, then prose and code cells in order.
package struct Notebook: Sendable {
    /// The path as the user gave it; it names the notebook in every diagnostic.
    package var path: String
    /// The exact file text; prose segments are slices of it, byte for byte.
    package var source: String
    package var frontMatter: FrontMatter
    package var segments: [Segment]

    package enum Segment: Sendable {
        /// Lines of Markdown exactly as written (front matter excluded).
        case prose(String)
        case cell(Cell)
    }

    package var cells: [Cell] {
        segments.compactMap { if case .cell(let c) = $0 { c } else { nil } }
    }

    /// The report's name: the file name without `.md` (`notebook` if nothing is left).
    ///
    /// It names a folder under `reports/`, so it is sanitised: letters, digits, `-`, `_` and inner `.` stay, other
    /// characters become `-`, and a name that would be empty, `.`, `..` or hidden gets a `notebook` stem.
    package var name: String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let stem = file.hasSuffix(".md") ? String(file.dropLast(3)) : file
        var safe = String.UnicodeScalarView()
        for scalar in stem.unicodeScalars {
            let allowed =
                (scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil))
                || scalar == "-" || scalar == "_"
                || scalar == "."
            safe.append(allowed ? scalar : "-")
        }
        let name = String(String(safe).prefix(120))
        if name.isEmpty || name.hasPrefix(".") { return "notebook" + name }
        return name
    }

    /// Everything after the front matter, exactly as written: the prose
    /// segments and the cells' sources, in order.
    package var body: String {
        segments.map { segment in
            switch segment {
            case .prose(let text): text
            case .cell(let cell): cell.source
            }
        }.joined()
    }

    /// Whether a fenced block's info string makes it a code cell: its first word is `evalbook`.
    package static func isCell(info: String) -> Bool {
        info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first == "evalbook"
    }
}

/// The YAML block at the top of a notebook.
package struct FrontMatter: Sendable {
    package var title: String?
    package var description: String?
    package var params: OrderedDictionary<String, Value> = [:]
    package var seed: UInt64 = 0

    package init() {}
}

/// One `evalbook` code block.
package struct Cell: Sendable {
    /// 0-based position among the notebook's cells.
    package var index: Int
    /// The code with its `#|` option lines, as written.
    package var code: String
    /// The file line of the code's first line (the line after the opening fence).
    package var firstLine: Int
    package var options: CellOptions
    /// The cell exactly as written in the file, fences included: prose segments
    /// and these, in order, give back the notebook's body byte for byte.
    package var source: String

    /// The code as the interpreter reads it, named and numbered like the file.
    ///
    /// The final newline is left out, so an error at the end of the input points
    /// just after the last code character, not at the closing fence's line.
    package func sourceText(name: String) -> SourceText {
        let text = code.hasSuffix("\n") ? String(code.dropLast()) : code
        return SourceText(name: name, text: text, firstLine: firstLine)
    }

    /// The code to show in a report: without the `#|` option lines.
    package var displayCode: String {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.hasPrefix("#|") { lines.removeFirst() }
        var text = lines.joined(separator: "\n")
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

/// Quarto-style `#|` options at the top of a cell.
package struct CellOptions: Sendable, Equatable {
    package var label: String?
    package var caption: String?
    /// Show the code in the report.
    package var echo = true
    /// Show the outputs in the report.
    package var output = true

    package init() {}
}
