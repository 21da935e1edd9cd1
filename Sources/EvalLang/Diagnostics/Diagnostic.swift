/// A finding for the user: how bad, where, what went wrong, and maybe how to fix it.
///
/// Every phase's typed error (syntax, runtime, data, model, notebook, store, replay, diff,
/// command line) turns into one of these, and the executable's `DiagnosticPrinter` is the
/// only place that turns one into text (SPEC §5b), as swift-format's findings are printed
/// by one printer:
///
/// ```
/// notebooks/churn.md:14:9: error: table `test` has no column `churnd`
///    14 | y = test.churnd
///       |         ^^^^^^^
/// help: did you mean `churned`?
/// ```
package struct Diagnostic: Error, Equatable, Sendable {
    /// How serious a finding is; it picks the word after the location.
    package enum Severity: String, Sendable, Equatable {
        case error
        case warning
        case note
    }

    /// Where a finding points: a file, and within it optionally a line, a column and the
    /// source line itself, so the printer can draw a caret without reading the file again.
    package struct Location: Equatable, Sendable {
        /// What the user calls the file: a notebook path, `<eval>`, `<repl>`, a report folder.
        package var file: String
        /// 1-based line in `file`, when the finding has one.
        package var line: Int?
        /// 1-based column in characters, when the finding has one.
        package var column: Int?
        /// How many characters the caret covers (at least 1).
        package var width: Int
        /// The text of `line`, without its newline, for the caret display.
        package var sourceLine: String?

        package init(file: String, line: Int? = nil, column: Int? = nil, width: Int = 1, sourceLine: String? = nil) {
            self.file = file
            self.line = line
            self.column = column
            self.width = max(1, width)
            self.sourceLine = sourceLine
        }

        /// The place `span` covers in `source`, with its line's text and caret width.
        package init(_ span: SourceSpan, in source: SourceText) {
            let text = source.lineText(span.line)
            self.init(
                file: source.name, line: span.line, column: span.column,
                width: text.map { Location.caretWidth(of: span, onLine: $0) } ?? 1, sourceLine: text)
        }

        /// The caret covers the span's characters on its first line, at least one.
        static func caretWidth(of span: SourceSpan, onLine text: String) -> Int {
            let characters = Array(text)
            var remainingBytes = span.end - span.start
            var width = 0
            var i = span.column - 1
            while remainingBytes > 0, i >= 0, i < characters.count {
                remainingBytes -= characters[i].utf8.count
                width += 1
                i += 1
            }
            return max(1, width)
        }
    }

    package var severity: Severity
    package var location: Location?
    package var message: String
    package var help: String?
    /// Further lines that explain (each printed as `note: …`).
    package var notes: [String]

    package init(
        _ message: String, severity: Severity = .error, at location: Location? = nil, help: String? = nil,
        notes: [String] = []
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.help = help
        self.notes = notes
    }

    /// An error at `span` of `source`.
    package init(
        _ message: String, at span: SourceSpan, in source: SourceText, help: String? = nil, notes: [String] = []
    ) {
        self.init(message, at: Location(span, in: source), help: help, notes: notes)
    }

    /// An error in `file`, at `line` when there is one (a notebook's front matter, a CSV's row).
    package static func error(
        _ message: String, file: String, line: Int? = nil, column: Int? = nil, help: String? = nil,
        notes: [String] = []
    ) -> Diagnostic {
        Diagnostic(
            message, at: Location(file: file, line: line, column: line == nil ? nil : (column ?? 1)),
            help: help, notes: notes)
    }
}

/// A typed error that can say what it means to a user, once it knows where it happened.
///
/// Errors raised while running code carry only a `SourceSpan`; the code's `SourceText`
/// is known where the statement ran, so that is where the location is filled in.
package protocol LocatedError: Error {
    /// The finding, located in `source`.
    func diagnostic(in source: SourceText) -> Diagnostic
}
