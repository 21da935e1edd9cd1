import CCmark
import Foundation

/// A fenced code block as cmark located it: lines are 1-based within the text parsed.
package struct FencedBlock: Sendable, Equatable {
    package var info: String
    package var literal: String
    /// The opening fence's line.
    package var startLine: Int
    /// The closing fence's line (the last line of the document when unclosed).
    package var endLine: Int
}

/// The one place Evalbook talks to cmark; it owns the parsed document's C handle.
package final class MarkdownDocument {
    private let root: OpaquePointer

    /// Parses CommonMark; nil only if cmark cannot allocate.
    package init?(_ text: String) {
        let length = text.utf8.count
        guard let node = text.withCString({ cmark_parse_document($0, length, CMARK_OPT_DEFAULT) }) else { return nil }
        root = node
    }

    deinit {
        cmark_node_free(root)
    }

    /// The top-level fenced code blocks, in document order.
    package var topLevelFencedBlocks: [FencedBlock] {
        var blocks: [FencedBlock] = []
        var child = cmark_node_first_child(root)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK,
                let info = cmark_node_get_fence_info(node).map({ String(cString: $0) }), !info.isEmpty
            {
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                blocks.append(
                    FencedBlock(
                        info: info, literal: literal,
                        startLine: Int(cmark_node_get_start_line(node)),
                        endLine: Int(cmark_node_get_end_line(node))))
            }
            child = cmark_node_next(node)
        }
        return blocks
    }

    /// The HTML of the prose around the top-level code blocks that `isCell`
    /// picks: one string before each such block, and one after the last.
    ///
    /// The document is parsed once as a whole, so reference-style links resolve
    /// across cells, and each top-level node is rendered on its own. Raw HTML is
    /// not passed through, as in `html`.
    package func proseHTML(isCell: (String) -> Bool) -> [String] {
        var parts: [String] = []
        var current = ""
        var child = cmark_node_first_child(root)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK,
                let info = cmark_node_get_fence_info(node).map({ String(cString: $0) }), isCell(info)
            {
                parts.append(current)
                current = ""
            } else if let rendered = cmark_render_html(node, CMARK_OPT_DEFAULT) {
                current += String(cString: rendered)
                free(rendered)
            }
            child = cmark_node_next(node)
        }
        parts.append(current)
        return parts
    }

    /// The document as HTML.
    ///
    /// Raw HTML in the source is not passed through (cmark's safe default replaces it with a comment), so prose can
    /// never inject a script.
    package var html: String {
        guard let rendered = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Renders a Markdown fragment (prose) to safe HTML.
    package static func html(_ markdown: String) -> String {
        MarkdownDocument(markdown)?.html ?? ""
    }
}
