import EvalLang
import Testing

/// Tab completion by context, tested on the pure `Completer` (EvalLang/Completion.swift).
@Suite("REPL completion")
struct ReplCompletionTests {
    static func completer() throws -> Completer {
        var interpreter = Interpreter(session: Session(files: FileAccess(root: "/")))
        _ = try interpreter.run(
            SourceText(
                name: "<test>",
                text: """
                    orders = table(actual_minutes: [30, 42], predicted_minutes: [28, 35], city: ["Oslo", "Bergen"])
                    rec = {alpha: 1, beta: 2}
                    acc = 0.9
                    """))
        return Completer(bindings: interpreter.globals, commands: ["help", "functions", "load", "save", "quit"]) {
            directory in
            switch directory {
            case ".":
                [
                    .init(name: "notebooks", isDirectory: true), .init(name: "orders.csv", isDirectory: false),
                    .init(name: ".hidden", isDirectory: false),
                ]
            case "notebooks/": [.init(name: "data", isDirectory: true), .init(name: "eta.md", isDirectory: false)]
            case "notebooks/data/":
                [
                    .init(name: "eta.csv", isDirectory: false), .init(name: "eta_toy.csv", isDirectory: false),
                    .init(name: "events.parquet", isDirectory: false),
                ]
            default: []
            }
        }
    }

    func complete(_ text: String) throws -> Completion {
        try Self.completer().complete(text)
    }

    @Test("column names after `t.`, fields after `r.`")
    func columns() throws {
        #expect(try complete("mean(orders.act") == Completion(prefix: "act", candidates: ["actual_minutes"]))
        #expect(try complete("orders.").candidates == ["actual_minutes", "predicted_minutes", "city"])
        #expect(try complete("rec.b") == Completion(prefix: "b", candidates: ["beta"]))
        #expect(try complete("acc.x").candidates.isEmpty)
    }

    @Test("column names inside `t[\"`, closing the subscript")
    func subscriptColumns() throws {
        #expect(try complete("orders[\"pre") == Completion(prefix: "pre", candidates: ["predicted_minutes\"]"]))
        #expect(try complete("orders[\"").candidates.count == 3)
    }

    @Test("a matching named argument wins inside a builtin call")
    func namedArguments() throws {
        #expect(try complete("roc_auc(y, p, w") == Completion(prefix: "w", candidates: ["weights: "]))
        #expect(try complete("roc_auc(y, p, by: g, ").candidates.contains("by: ") == false)
        #expect(try complete("roc_auc(y, p, ").candidates.contains("pos_label: "))
        // Not at an argument's start: `w` is a name being typed inside an expression.
        #expect(try complete("roc_auc(y, p + w").candidates.contains("where"))
    }

    @Test("builtins, bindings and params at the start of a word")
    func names() throws {
        #expect(try complete("ac").candidates.first == "acc", "bindings come first")
        #expect(try complete("x = roc_a").candidates == ["roc_auc"])
        #expect(try complete("par").candidates == ["params"])
        #expect(try complete("12").candidates.isEmpty)
        #expect(try complete("x # ro").candidates.isEmpty)
    }

    @Test("paths inside a string, relative to the root")
    func paths() throws {
        #expect(try complete("read_csv(\"or") == Completion(prefix: "or", candidates: ["orders.csv\""]))
        #expect(
            try complete("read_csv(\"notebooks/data/et")
                == Completion(prefix: "et", candidates: ["eta.csv\"", "eta_toy.csv\""]))
        #expect(try complete("read_csv(\"notebooks/data/et").commonPrefix == "eta")
        #expect(try complete("read_csv(\"").candidates == ["notebooks/", "orders.csv\""])
        #expect(try complete("read_csv(\".h").candidates == [".hidden\""])
        #expect(
            try complete("read_parquet(\"notebooks/data/ev")
                == Completion(prefix: "ev", candidates: ["events.parquet\""]))
        #expect(try complete("load(\"notebooks/data/e").candidates.contains("events.parquet\""))
    }

    @Test("colon commands, builtins after :help, notebooks after :load")
    func commands() throws {
        #expect(try complete(":he") == Completion(prefix: ":he", candidates: [":help "]))
        #expect(try complete(":").candidates.count == 5)
        #expect(try complete(":help roc_a").candidates == ["roc_auc"])
        #expect(try complete(":load notebooks/").candidates == ["data/", "eta.md"])
        #expect(try complete(":save ").candidates == ["notebooks/"])
    }

    @Test("earlier lines of an unfinished statement give the context")
    func multiLineContext() throws {
        #expect(try complete("roc_auc(y,\n  p, w").candidates == ["weights: "])
        // A colon on a continuation line is code, not a command.
        #expect(try complete("{a:\n:he").candidates == ["head"])
    }

    @Test("the common prefix and list labels")
    func commonPrefix() {
        #expect(Completion(prefix: "a", candidates: ["abc\"", "abd\""]).commonPrefix == "ab")
        #expect(Completion(prefix: "a", candidates: []).commonPrefix == "a")
        #expect(Completion.label("weights: ") == "weights")
        #expect(Completion.label("col\"]") == "col")
        #expect(Completion.label("dir/") == "dir/")
    }
}
