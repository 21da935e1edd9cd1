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

    /// The report's name: the file name without `.md`.
    package var name: String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
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
