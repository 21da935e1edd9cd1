import EvalLang
import EvalNotebook

/// How the REPL shows values: short and readable at a terminal.
///
/// Bindings show a one-line summary (`test: table 10,000 × 12`); tables are aligned
/// text cut to the terminal's width; columns show head, tail and length; records
/// one field a line. Figures go through `figure`, the hook for terminal charts.
enum ReplDisplay {
    /// Rows of a table shown before `… N more rows`.
    static let tableRows = 10

    /// `name: summary`, one line.
    static func binding(_ name: String, _ value: Value) -> String {
        TerminalText.safe("\(name): \(value.summary)")
    }

    /// The text for an expression's value, ending in a newline.
    ///
    /// Text from data goes through `TerminalText`, so ESC, OSC or CR bytes in a CSV field
    /// cannot move the cursor or set the window title; figures clean their own labels.
    static func value(_ value: Value, width: Int) -> String {
        switch value {
        case .table:
            return TerminalText.safe(TextRenderer.render(value.display(maxRows: tableRows), width: width))
        case .figure(let f):
            return figure(f, width: width)
        case .record(let r) where !r.fields.isEmpty:
            return TerminalText.safe(record(r, width: width))
        default:
            return TerminalText.safe(value.inlineText) + "\n"
        }
    }

    /// Key/value lines, keys aligned; long values are cut to the width.
    static func record(_ r: Record, width: Int) -> String {
        var out = ""
        var fields = r.fields
        // A readout's verdict is a sentence: shown whole, above the numbers.
        if case .string(let verdict)? = fields["verdict"] {
            out += verdict + "\n"
            fields["verdict"] = nil
        }
        let keyWidth = fields.keys.map(\.count).max() ?? 0
        for (key, value) in fields {
            let pad = String(repeating: " ", count: keyWidth - key.count)
            var text = value.inlineText
            let room = max(10, width - keyWidth - 2)
            if text.count > room { text = String(text.prefix(room - 1)) + "…" }
            out += "\(key):\(pad) \(text)\n"
        }
        return out
    }

    /// A figure as a terminal chart, sized to the terminal, coloured when stdout is one.
    static func figure(_ f: Figure, width: Int) -> String {
        let text = FigureText.render(f, width: width, height: 20, color: Terminal.useColor(forStderr: false))
        return text.hasSuffix("\n") ? text : text + "\n"
    }

    /// `12.3 ms`, `1.25 s`.
    static func duration(_ d: Duration) -> String {
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        if seconds < 1e-3 { return NumberFormat.human((seconds * 1e6 * 10).rounded() / 10) + " µs" }
        if seconds < 1 { return NumberFormat.human((seconds * 1e3 * 10).rounded() / 10) + " ms" }
        return NumberFormat.human((seconds * 100).rounded() / 100) + " s"
    }
}
