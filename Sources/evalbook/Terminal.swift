import EvalLang
import Foundation

/// The only place that writes to the terminal's streams.
enum Terminal {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Prints a finding on stderr through the one printer, coloured on a terminal.
    static func report(_ diagnostic: Diagnostic) {
        error(DiagnosticPrinter(color: useColor(forStderr: true)).render(diagnostic))
    }

    /// Prints a warning through the printer, at `file`'s line when a notebook raised it.
    static func warn(_ warning: Warning, file: String? = nil) {
        let location = file.map { Diagnostic.Location(file: $0, line: warning.span.line) }
        report(Diagnostic(warning.message, severity: .warning, at: location))
    }

    /// A progress reporter for long work: one line on stderr, rewritten in place, only when stderr is a terminal
    /// (logs and pipes stay clean).
    ///
    /// An empty text clears it.
    static var progress: (@Sendable (String) -> Void)? {
        guard stderrIsTerminal else { return nil }
        return { text in
            FileHandle.standardError.write(Data((text.isEmpty ? "\r\u{1B}[K" : "\r" + text + "\u{1B}[K").utf8))
        }
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// Colour only on a terminal and never with `NO_COLOR` set.
    static func useColor(forStderr: Bool) -> Bool {
        guard ProcessInfo.processInfo.environment["NO_COLOR"].map({ $0.isEmpty }) ?? true else { return false }
        return forStderr ? stderrIsTerminal : stdoutIsTerminal
    }

    static func paint(_ text: String, _ code: String, stderr: Bool = false) -> String {
        useColor(forStderr: stderr) ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Columns of the terminal, or 100 when it cannot be told.
    static var width: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 100
    }
}
