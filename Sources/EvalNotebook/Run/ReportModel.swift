import EvalLang
import OrderedCollections

/// Everything a run produced, before it is rendered: the one model every
/// renderer (Markdown, HTML, JSON) draws from.
package struct Report: Sendable {
    package var notebook: Notebook
    package var params: OrderedDictionary<String, Value>
    package var seed: UInt64
    package var blocks: [Block]
    package var checks: [Check]
    package var warnings: [Warning]
    /// Top-level bindings that are numbers, or records or lists of numbers.
    package var metrics: OrderedDictionary<String, Value>
    package var inputs: [InputFile]

    package enum Block: Sendable {
        case prose(String)
        case cell(CellReport)
    }

    package var title: String { notebook.frontMatter.title ?? notebook.name }

    package var passedChecks: Int { checks.filter(\.passed).count }
    package var failedChecks: Int { checks.count - passedChecks }
}

/// A cell with what it printed, in statement order.
package struct CellReport: Sendable {
    package var cell: Cell
    package var outputs: [CellOutput]
}

/// One thing a statement showed.
package enum CellOutput: Sendable {
    case display(Display)
    case check(Check)
    case warning(Warning)
    /// A figure, written as `figures/<name>.svg` (name from the cell's label, or its
    /// position, plus `-2`, `-3`… for further figures of the same cell).
    case figure(Figure, name: String)
}

extension Value {
    /// Whether a binding belongs in `metrics.json`.
    var isMetric: Bool {
        switch self {
        case .number: return true
        case .record(let r):
            return !r.fields.isEmpty
                && r.fields.values.allSatisfy {
                    if case .number = $0 { return true }
                    if case .null = $0 { return true }
                    return false
                }
        case .list(let items):
            return !items.isEmpty && items.allSatisfy { if case .number = $0 { true } else { false } }
        default: return false
        }
    }
}
