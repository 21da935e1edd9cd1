import Foundation
import OrderedCollections

/// What Tab offers at the cursor: the typed word it replaces and the candidates.
package struct Completion: Sendable, Equatable {
    /// The text before the cursor that every candidate starts with and replaces.
    package var prefix: String
    /// Full replacements for `prefix`, with any closing text (`weights: `, `dir/`, `col"]`).
    package var candidates: [String]

    package init(prefix: String, candidates: [String]) {
        self.prefix = prefix
        self.candidates = candidates
    }

    /// The longest text every candidate starts with; Tab inserts what of it is not typed yet.
    package var commonPrefix: String {
        guard var common = candidates.first else { return prefix }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(common) { common.removeLast() }
        }
        return common
    }

    /// How a candidate shows in a list: without the closing text.
    package static func label(_ candidate: String) -> String {
        var text = candidate
        for suffix in ["\"]", "\"", ": ", " "] where text.hasSuffix(suffix) && text.count > suffix.count {
            text.removeLast(suffix.count)
            break
        }
        return text
    }
}

/// Tab completion by context, as a pure function of the text before the cursor.
///
/// Contexts, in the order they are tried: a colon command (`:he` → `:help`, and
/// its argument: builtins after `:help`, paths after `:load`/`:save`); inside a
/// string, column names after `t["` or file paths under the root; a field after
/// `t.` (table columns, record fields); an argument of a builtin call, where a
/// matching named argument (`roc_auc(y, p, w` → `weights: `) wins; otherwise
/// bindings and builtins.
package struct Completer: Sendable {
    /// One directory entry, as `files` lists it.
    package struct Entry: Sendable, Equatable {
        package var name: String
        package var isDirectory: Bool

        package init(name: String, isDirectory: Bool) {
            self.name = name
            self.isDirectory = isDirectory
        }
    }

    package var bindings: OrderedDictionary<String, Value>
    package var commands: [String]
    /// Lists a directory given relative to the root (or absolute); injectable for tests.
    package var files: @Sendable (String) -> [Entry]

    package init(bindings: OrderedDictionary<String, Value>, commands: [String], root: String) {
        self.bindings = bindings
        self.commands = commands
        self.files = { Completer.list(directory: $0, root: root) }
    }

    package init(
        bindings: OrderedDictionary<String, Value>, commands: [String], files: @escaping @Sendable (String) -> [Entry]
    ) {
        self.bindings = bindings
        self.commands = commands
        self.files = files
    }

    /// Candidates for the word ending at the cursor; `before` is all input before it
    /// (earlier lines of an unfinished statement included, joined by newlines).
    package func complete(_ before: String) -> Completion {
        let line = before.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? before
        if before == line, line.hasPrefix(":") { return command(line) }
        return code(before)
    }

    // MARK: Contexts

    private func command(_ line: String) -> Completion {
        guard let space = line.firstIndex(of: " ") else {
            let word = String(line.dropFirst())
            return Completion(prefix: line, candidates: commands.filter { $0.hasPrefix(word) }.map { ":" + $0 + " " })
        }
        let name = line[line.index(after: line.startIndex)..<space]
        let argument = String(line[line.index(after: space)...]).drop { $0 == " " }
        switch name {
        case "help":
            let word = String(argument)
            let names = BuiltinRegistry.shared.names + commands.map { ":" + $0 }
            return Completion(prefix: word, candidates: names.filter { $0.hasPrefix(word) })
        case "load", "save": return path(String(argument), closing: "", onlyExtension: "md")
        case "time": return code(String(argument))
        default: return Completion(prefix: "", candidates: [])
        }
    }

    private func code(_ text: String) -> Completion {
        let scan = CodeScan(text)
        if scan.inComment { return Completion(prefix: "", candidates: []) }
        if let string = scan.openString {
            if let owner = string.subscriptOf, case .table(let t)? = bindings[owner] {
                return Completion(
                    prefix: string.content,
                    candidates: t.names.filter { $0.hasPrefix(string.content) }.map { $0 + "\"]" })
            }
            return path(string.content, closing: "\"", onlyExtension: nil)
        }
        let word = scan.word
        if word.first?.isNumber == true { return Completion(prefix: word, candidates: []) }
        if let owner = scan.fieldOf {
            let fields: [String]
            switch bindings[owner] {
            case .table(let t)?: fields = t.names
            case .record(let r)?: fields = Array(r.fields.keys)
            default: fields = []
            }
            return Completion(
                prefix: word, candidates: fields.filter { $0.hasPrefix(word) && Completer.isIdentifier($0) })
        }
        if let call = scan.call, scan.atArgumentStart, let builtin = BuiltinRegistry.shared[call.callee],
            bindings[call.callee] == nil
        {
            let named = builtin.optionNames.filter { $0.hasPrefix(word) && !call.named.contains($0) }.map { $0 + ": " }
            if !named.isEmpty {
                return Completion(
                    prefix: word, candidates: named + bindings.keys.filter { $0.hasPrefix(word) && !word.isEmpty })
            }
        }
        var names = Array(bindings.keys)
        if !word.isEmpty || scan.call == nil {
            names += ["params"] + BuiltinRegistry.shared.names.filter { bindings[$0] == nil }
        }
        return Completion(prefix: word, candidates: names.filter { $0.hasPrefix(word) })
    }

    /// Entries of the directory part of `typed`, whose names start with its last part.
    private func path(_ typed: String, closing: String, onlyExtension: String?) -> Completion {
        let slash = typed.lastIndex(of: "/")
        let directory = slash.map { String(typed[...$0]) } ?? ""
        let base = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let entries = files(directory.isEmpty ? "." : directory)
            .filter { $0.name.hasPrefix(base) && (base.hasPrefix(".") || !$0.name.hasPrefix(".")) }
            .filter { entry in entry.isDirectory || onlyExtension.map { entry.name.hasSuffix("." + $0) } ?? true }
            .sorted { $0.name < $1.name }
        return Completion(prefix: base, candidates: entries.map { $0.name + ($0.isDirectory ? "/" : closing) })
    }

    /// The entries of `directory`, relative to `root` unless absolute; none when unreadable.
    package static func list(directory: String, root: String) -> [Entry] {
        let path = directory.hasPrefix("/") ? directory : root + "/" + directory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isDirectory)
            return Entry(name: name, isDirectory: isDirectory.boolValue)
        }
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return s.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
        }
    }
}
