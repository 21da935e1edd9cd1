import CEditLine
import Foundation

/// Line editing and history through libedit: the one file that imports it,
/// owning the `EditLine` and `History` handles for its lifetime.
final class LineEditor {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private var event = HistEvent()
    /// The prompt libedit asks for through `promptCallback`; kept as C bytes.
    private var promptBytes: [CChar] = [0]

    init?(program: String) {
        guard let input = fdopen(STDIN_FILENO, "r"), let output = fdopen(STDOUT_FILENO, "w"),
              let errors = fdopen(STDERR_FILENO, "w") else { return nil }
        guard let el = el_init(program, input, output, errors) else { return nil }
        guard let h = history_init() else {
            el_end(el)
            return nil
        }
        editLine = el
        history = h
        _ = evalbook_history_set_size(h, &event, 1000)
        _ = evalbook_history_set_unique(h, &event, 1)
        _ = evalbook_el_set_editor(el, "emacs")
        _ = evalbook_el_set_signal(el, 1)
        _ = evalbook_el_set_history(el, h)
        _ = evalbook_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        _ = evalbook_el_set_prompt(el) { el in
            guard let el, let data = evalbook_el_get_clientdata(el) else { return nil }
            let editor = Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
            return editor.promptBytes.withUnsafeMutableBufferPointer { $0.baseAddress }
        }
        // Ctrl-R searches history backwards, as in readline.
        _ = evalbook_el_bind(el, "^R", "em-inc-search-prev")
    }

    deinit {
        el_end(editLine)
        history_end(history)
    }

    /// One line without its newline; nil at end of input (Ctrl-D).
    func readLine(prompt: String) -> String? {
        promptBytes = Array(prompt.utf8CString)
        var count: Int32 = 0
        guard let raw = el_gets(editLine, &count), count > 0 else { return nil }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return line
    }

    func addHistory(_ line: String) {
        _ = evalbook_history_enter(history, &event, line)
    }

    func loadHistory(from path: String) {
        _ = evalbook_history_load(history, &event, path)
    }

    func saveHistory(to path: String) {
        _ = evalbook_history_save(history, &event, path)
    }
}
