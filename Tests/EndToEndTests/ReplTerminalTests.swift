import Foundation
import Testing

/// The interactive REPL on a pseudo-terminal: keys typed, the screen read back.
@Suite("REPL at a terminal")
struct ReplTerminalTests {
    @Test("Tab completes a column name after `t.` and inside `t[\"`, and a named argument")
    func completesColumns() throws {
        let project = try ReplProject()
        defer { project.project.remove() }
        let pty = try project.terminal()
        try pty.submit("t = read_csv(\"orders.csv\")\r", "t: table 4 × 4")
        pty.type("mean(t.act\t")
        try pty.expect("ual_minutes")
        try pty.submit(")\r", "36.75")
        pty.type("max_pred = t[\"pre\t")
        try pty.expect("dicted_minutes\"]")
        try pty.submit("\r", "max_pred: number column 4")
        pty.type("roc_auc(t.late, t.actual_minutes / 50, w\t")
        try pty.expect("eights: ")
        try pty.submit("[1, 1, 1, 1])\r", "\n1\n")
        pty.type("\u{04}")
        #expect(try pty.waitForExit() == 0)
    }

    @Test("Tab on an ambiguous prefix lists the candidates; :help completes builtins")
    func listsCandidates() throws {
        let project = try ReplProject()
        defer { project.project.remove() }
        let pty = try project.terminal()
        pty.type(":\t")
        try pty.expect(":functions")
        pty.type("he\t")
        try pty.expect("lp ")
        pty.type("roc_a\t")
        try pty.expect("uc")
        try pty.submit("\r", "Area under the ROC curve")
        pty.type("\u{04}")
        #expect(try pty.waitForExit() == 0)
    }

    @Test("Up recalls the previous line, also in the next session")
    func recallsHistory() throws {
        let project = try ReplProject()
        defer { project.project.remove() }
        let pty = try project.terminal()
        try pty.submit("40 + 2\r", "\n42\n")
        try pty.submit("\u{1B}[A\r", "\n42\n")
        pty.type(":quit\r")
        #expect(try pty.waitForExit() == 0)

        #expect(project.read("state/evalbook/history") == "40 + 2\n:quit\n")
        let next = try project.terminal()
        try next.submit("\u{1B}[A\u{1B}[A\r", "\n42\n")
        next.type("\u{04}")
        #expect(try next.waitForExit() == 0)
    }

    @Test("A call left open continues on the next line")
    func continuesMultiLineCall() throws {
        let project = try ReplProject()
        defer { project.project.remove() }
        let pty = try project.terminal()
        try pty.submit("mean([1,\r", "mean([1,", prompt: "     ... ")
        try pty.submit("2, 3])\r", "\n2\n")
        pty.type("\u{04}")
        #expect(try pty.waitForExit() == 0)
    }

    @Test("Errors and Ctrl-C on a line leave the session intact")
    func survivesBadLines() throws {
        let project = try ReplProject()
        defer { project.project.remove() }
        let pty = try project.terminal()
        try pty.submit("x = 21\r", "x: 21")
        try pty.submit("1 +* 2\r", "error: expected an expression")
        try pty.submit("nope(x)\r", "unknown")
        try pty.submit(":sav\r", "did you mean `:save`?")
        try pty.submit("half typed\u{03}", "^C")
        try pty.submit("mean([x,\r", "mean([x,", prompt: "     ... ")
        try pty.submit("\u{03}", "^C")
        try pty.submit("x * 2\r", "\n42\n")
        pty.type("\u{04}")
        #expect(try pty.waitForExit() == 0)
    }

    @Test("Ctrl-C interrupts a long evaluation and keeps the bindings")
    func interruptsEvaluation() throws {
        let project = try ReplProject()
        defer { project.project.remove() }
        let pty = try project.terminal()
        try pty.submit("kept = 7\r", "kept: 7")
        pty.type("slow = map(range(1000000), x => mean(map(range(50), y => x * y)))\r")
        // Ctrl-C every 0.1 s until the evaluation has started and stopped: one typed
        // before it starts is read by the line editor or cleared with the statement.
        for _ in 0..<200 where !pty.pendingOutputContains("interrupted") {
            pty.type("\u{03}")
            usleep(100_000)
        }
        try pty.expect("interrupted")
        try pty.expect("evalbook> ")
        try pty.waitUntilEditing()
        try pty.submit("kept * 6\r", "\n42\n")
        try pty.submit("slow\r", "unknown name `slow`")
        pty.type("\u{04}")
        #expect(try pty.waitForExit() == 0)
    }
}

extension PseudoTerminal {
    /// Types `keys`, waits for `output`, then for the next prompt.
    ///
    /// Keys that only the line editor understands (Tab, Ctrl-C, Ctrl-D, arrows) must wait for a prompt: typed
    /// earlier, the terminal driver, not libedit, would read them.
    func submit(_ keys: String, _ output: String, prompt: String = "evalbook> ") throws {
        type(keys)
        try expect(output)
        try expect(prompt)
        try waitUntilEditing()
    }
}
