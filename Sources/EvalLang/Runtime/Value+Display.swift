import EvalData

extension Value {
    /// A scalar's text for people; other values give their inline form.
    package var displayText: String { inlineText }

    /// A compact one-line form of any value (check details, record fields).
    package var inlineText: String {
        switch self {
        case .number(let x): return NumberFormat.human(x)
        case .string(let s): return Value.quoted(s)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .column(let c): return Value.preview(c)
        case .table(let t): return "table \(NumberFormat.grouped(t.rowCount)) × \(t.columnCount)"
        case .list(let items):
            let shown = items.prefix(8).map(\.inlineText)
            return "[" + shown.joined(separator: ", ")
                + (items.count > 8 ? ", … (\(NumberFormat.grouped(items.count)) items)" : "") + "]"
        case .record(let r):
            return "{" + r.fields.map { "\($0.key): \($0.value.inlineText)" }.joined(separator: ", ") + "}"
        case .function(let f):
            switch f {
            case .builtin(let b): return "builtin \(b.signature)"
            case .lambda(let l): return "lambda (\(l.parameters.joined(separator: ", "))) => …"
            }
        case .figure(let f): return f.summary
        case .model(let m): return ModelBuiltins.summary(m)
        case .remote(let r): return r.inlineText
        }
    }

    /// One line for a binding: `test: table 10,000 × 12`, `y: number column 1,000`.
    package var summary: String {
        switch self {
        case .column(let c):
            let missing = c.missingCount
            return "\(c.type.rawValue) column \(NumberFormat.grouped(c.count))"
                + (missing > 0 ? " (\(NumberFormat.grouped(missing)) missing)" : "")
        case .list(let items): return "list of \(NumberFormat.grouped(items.count))"
        case .record(let r): return "record {" + r.fields.keys.joined(separator: ", ") + "}"
        default: return inlineText
        }
    }

    /// Head and tail of a column: `[1, 2, 3, …, 9, 10] (1,000 values)`.
    static func preview(_ c: Column) -> String {
        func cell(_ i: Int) -> String { Value.cellText(c[i], quoted: true) }
        if c.count <= 10 {
            return "[" + (0..<c.count).map(cell).joined(separator: ", ") + "]"
        }
        let head = (0..<5).map(cell).joined(separator: ", ")
        let tail = ((c.count - 3)..<c.count).map(cell).joined(separator: ", ")
        return "[\(head), …, \(tail)] (\(NumberFormat.grouped(c.count)) values)"
    }

    /// A string as a literal that reads back as itself: `"say \"hi\""`.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for ch in s {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    /// One table cell's text; missing shows as `NA`.
    static func cellText(_ s: Scalar, quoted: Bool = false) -> String {
        switch s {
        case .number(let x): NumberFormat.human(x)
        case .bool(let b): b ? "true" : "false"
        case .string(let str): quoted ? Value.quoted(str) : str
        case .missing: "NA"
        }
    }

    /// The display of a result: tables and records as tables, the rest as text.
    package func display(maxRows: Int = 20) -> Display {
        switch self {
        case .table(let t):
            let shown = min(t.rowCount, maxRows)
            let rows = (0..<shown).map { i in t.columns.map { Value.cellText($0[i]) } }
            return .table(
                DisplayTable(
                    columns: t.names, rightAligned: t.columns.map { $0.type == .number },
                    rows: rows, omittedRows: t.rowCount - shown))
        case .record(let r) where r.kind != .params:
            // A readout's verdict reads as a sentence above its numbers, not as a cell.
            var headline: String?
            if case .string(let verdict)? = r["verdict"] { headline = verdict }
            let rows = r.fields.filter { headline == nil || $0.key != "verdict" }.map { [$0.key, $0.value.inlineText] }
            var table = DisplayTable(columns: ["field", "value"], rightAligned: [false, true], rows: rows)
            table.headline = headline
            return .table(table)
        case .remote(let r):
            return r.display()
        default:
            return .text(inlineText)
        }
    }
}
