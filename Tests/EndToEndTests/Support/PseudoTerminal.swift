import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The `evalbook` binary on a pseudo-terminal: keys go in, the screen's text comes out.
///
/// Reads poll until the expected text appears; the timeout only guards against a
/// hang and never decides a pass.
final class PseudoTerminal {
    enum Failure: Error, CustomStringConvertible {
        case spawn
        case timedOut(waitingFor: String, screen: String)

        var description: String {
            switch self {
            case .spawn: "forkpty failed"
            case .timedOut(let text, let screen): "never saw \(text.debugDescription); the screen said:\n\(screen)"
            }
        }
    }

    private let pid: pid_t
    private let master: Int32
    /// Everything the program wrote, as bytes.
    private var raw: [UInt8] = []
    /// Everything the program wrote, escape sequences removed.
    private(set) var screen = ""
    /// Characters of `screen` already matched: each `expect` needs new output.
    private var consumed = 0
    private var exitStatus: Int32?

    static let guardSeconds = 20.0

    /// Starts `evalbook arguments…` in `directory` with a 100-column terminal.
    init(_ arguments: [String], directory: URL, environment: [String: String]) throws {
        // Every C string is made before fork: the child may only exec or exit.
        let path = Evalbook.binary.path
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let cwd = strdup(directory.path)
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
            free(cwd)
        }
        var size = winsize(ws_row: 40, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        var fd: Int32 = -1
        let child = forkpty(&fd, nil, nil, &size)
        if child == 0 {
            if let cwd { _ = chdir(cwd) }
            _ = execve(path, argv, envp)
            _exit(127)
        }
        guard child > 0 else { throw Failure.spawn }
        pid = child
        master = fd
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Types `keys` (`\r` is Return, `\t` Tab, `\u{03}` Ctrl-C, `\u{04}` Ctrl-D, `\u{1B}[A` Up).
    func type(_ keys: String) {
        var bytes = Array(keys.utf8)
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if n > 0 { bytes.removeFirst(n) } else { usleep(1_000) }
        }
    }

    /// Waits until `text` appears in output not yet matched, and moves past it.
    @discardableResult
    func expect(_ text: String) throws -> String {
        let deadline = Date().addingTimeInterval(PseudoTerminal.guardSeconds)
        while true {
            let start = screen.index(screen.startIndex, offsetBy: min(consumed, screen.count))
            if let range = screen.range(of: text, range: start..<screen.endIndex) {
                consumed = screen.distance(from: screen.startIndex, to: range.upperBound)
                return String(screen[start..<range.upperBound])
            }
            guard Date() < deadline, readSome() else { throw Failure.timedOut(waitingFor: text, screen: screen) }
        }
    }

    /// Waits until the line editor has the terminal in its raw mode (canonical input off).
    ///
    /// libedit prints the
    /// prompt a moment before it switches, and a key typed in between would be read by the terminal driver instead
    /// (echoed twice, or Ctrl-D taken as end-of-file).
    ///
    /// The pty's two ends share their settings, so the master can see the switch.
    func waitUntilEditing() throws {
        let deadline = Date().addingTimeInterval(PseudoTerminal.guardSeconds)
        var settings = termios()
        while Date() < deadline {
            if tcgetattr(master, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) == 0 { return }
            _ = readSome(wait: 5)
        }
        throw Failure.timedOut(waitingFor: "the line editor's raw mode", screen: screen)
    }

    /// Whether `text` has appeared since the last match, after reading what is there now.
    func pendingOutputContains(_ text: String) -> Bool {
        _ = readSome(wait: 50)
        return screen.dropFirst(consumed).contains(text)
    }

    /// Waits for the program to exit; its status, or nil if it died of a signal.
    func waitForExit() throws -> Int32? {
        let deadline = Date().addingTimeInterval(PseudoTerminal.guardSeconds)
        while Date() < deadline {
            _ = readSome(wait: 20)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                exitStatus = status
                return status & 0x7f == 0 ? (status >> 8) & 0xff : nil
            }
        }
        throw Failure.timedOut(waitingFor: "exit", screen: screen)
    }

    /// Reads what is available within `wait` ms; false once the terminal is closed.
    private func readSome(wait: Int32 = 100) -> Bool {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, wait) >= 0 else { return errno == EINTR }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if n > 0 {
            // Redone from all bytes, so an escape split across reads is still removed whole.
            raw += buffer[0..<n]
            screen = PseudoTerminal.plain(String(decoding: raw, as: UTF8.self))
            return true
        }
        return n < 0 && (errno == EAGAIN || errno == EINTR)
    }

    /// The text without terminal control: CSI and other escape sequences, `\r`, bells.
    static func plain(_ text: String) -> String {
        var out = ""
        var iterator = text.unicodeScalars.makeIterator()
        while let c = iterator.next() {
            switch c {
            case "\u{1B}":
                guard let next = iterator.next() else { break }
                if next == "[" {
                    while let f = iterator.next(), !(0x40...0x7E).contains(f.value) {}
                }
            case "\r", "\u{07}", "\u{08}": break
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
