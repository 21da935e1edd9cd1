import CEditLine
import EvalLang
import Foundation

/// Line editing, history and Tab completion through libedit: the one file that
/// imports it, owning the `EditLine` and `History` handles for its lifetime.
///
/// Emacs keys, Up/Down through history, Ctrl-R incremental search. Ctrl-C is a key
/// here (the tty's signal keys are off while editing) that abandons the line.
final class LineEditor {
    /// What one read produced.
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line (and any unfinished statement) is abandoned.
        case interrupt
        /// Ctrl-D on an empty line, or the end of input.
        case end
    }

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    private var event = HistEvent()
    /// The prompt libedit asks for through its callback; a stable C string.
    private var prompt: UnsafeMutablePointer<CChar>?
    private var interrupted = false
    /// Candidates for the text before the cursor; set by the REPL before each read.
    var completer: (String) -> Completion = { _ in Completion(prefix: "", candidates: []) }

    init?(program: String, historySize: Int) {
        guard let input = fdopen(STDIN_FILENO, "r"), let output = fdopen(STDOUT_FILENO, "w"),
            let errors = fdopen(STDERR_FILENO, "w")
        else { return nil }
        guard let el = el_init(program, input, output, errors) else { return nil }
        guard let h = history_init() else {
            el_end(el)
            return nil
        }
        editLine = el
        history = h
        self.output = output
        _ = evalbook_history_set_size(h, &event, Int32(historySize))
        _ = evalbook_history_set_unique(h, &event, 1)
        _ = evalbook_el_set_editor(el, "emacs")
        _ = evalbook_el_set_signal(el, 1)
        _ = evalbook_el_set_history(el, h)
        _ = evalbook_el_set_tty_no_signals(el)
        _ = evalbook_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        _ = evalbook_el_set_prompt(el) { el in
            guard let el, let editor = LineEditor.owner(of: el) else { return nil }
            return editor.prompt
        }
        _ = evalbook_el_add_function(el, "evalbook-complete", "complete the word at the cursor") { el, _ in
            guard let el, let editor = LineEditor.owner(of: el) else { return UInt8(CC_ERROR) }
            return editor.completeAtCursor()
        }
        _ = evalbook_el_add_function(el, "evalbook-interrupt", "abandon the line") { el, _ in
            guard let el, let editor = LineEditor.owner(of: el) else { return UInt8(CC_ERROR) }
            return editor.abandonLine()
        }
        _ = evalbook_el_bind(el, "^I", "evalbook-complete")
        _ = evalbook_el_bind(el, "^C", "evalbook-interrupt")
        // Ctrl-R searches history backwards, as in readline.
        _ = evalbook_el_bind(el, "^R", "em-inc-search-prev")
    }

    deinit {
        el_end(editLine)
        history_end(history)
        free(prompt)
    }

    private static func owner(of el: OpaquePointer) -> LineEditor? {
        evalbook_el_get_clientdata(el).map { Unmanaged<LineEditor>.fromOpaque($0).takeUnretainedValue() }
    }

    /// One line without its newline, Ctrl-C, or the end of input.
    func readLine(prompt text: String) -> Input {
        free(prompt)
        prompt = strdup(text)
        interrupted = false
        var count: Int32 = 0
        // errno tells an interrupted read from the end of input, so no stale value may remain.
        errno = 0
        let raw = el_gets(editLine, &count)
        if interrupted { return .interrupt }
        guard let raw, count > 0 else { return errno == EINTR && raw == nil ? .interrupt : .end }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    func addHistory(_ line: String) {
        _ = evalbook_history_enter(history, &event, line)
    }

    // MARK: Key functions

    /// Ctrl-C: shows `^C` after the line and submits it; `readLine` then reports `.interrupt` and the text is
    /// dropped.
    ///
    /// Submitting through a pushed newline lets libedit finish the display (cursor below the line) as it does for
    /// Return.
    private func abandonLine() -> UInt8 {
        interrupted = true
        if let info = el_line(editLine), let last = info.pointee.lastchar, let cursor = info.pointee.cursor {
            _ = el_cursor(editLine, Int32(last - cursor))
        }
        _ = el_insertstr(editLine, "^C")
        el_push(editLine, "\n")
        return UInt8(CC_REFRESH)
    }

    /// Tab: inserts what all candidates share; when that adds nothing, lists them.
    private func completeAtCursor() -> UInt8 {
        guard let info = el_line(editLine), let buffer = info.pointee.buffer, let end = info.pointee.cursor else {
            return UInt8(CC_ERROR)
        }
        let start = UnsafeRawPointer(buffer), cursor = UnsafeRawPointer(end)
        let before = String(
            decoding: UnsafeRawBufferPointer(start: start, count: max(0, cursor - start)), as: UTF8.self)
        let completion = completer(before)
        guard !completion.candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let common = completion.commonPrefix
        if common.count > completion.prefix.count, common.hasPrefix(completion.prefix) {
            _ = el_insertstr(editLine, String(common.dropFirst(completion.prefix.count)))
            return UInt8(CC_REFRESH)
        }
        if completion.candidates.count == 1 { return UInt8(CC_REFRESH) }
        let list = LineEditor.columns(completion.candidates.map(Completion.label), width: Terminal.width)
        fputs("\n" + list, output)
        fflush(output)
        return UInt8(CC_REDISPLAY)
    }

    /// Candidates in columns across the terminal, as shells list them.
    static func columns(_ labels: [String], width: Int) -> String {
        let cell = (labels.map(\.count).max() ?? 0) + 2
        let perLine = max(1, width / max(1, cell))
        var out = ""
        for (i, label) in labels.enumerated() {
            let last = i % perLine == perLine - 1 || i == labels.count - 1
            out += last ? label + "\n" : label + String(repeating: " ", count: cell - label.count)
        }
        return out
    }
}
