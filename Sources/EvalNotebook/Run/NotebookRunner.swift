import EvalLang
import EvalSQL
import OrderedCollections

/// Why a run stopped.
package enum RunFailure: Error, Sendable {
    case notebook(NotebookError)
    /// A cell failed, located at the statement that failed.
    case cell(Diagnostic)

    /// The finding to show.
    package var diagnostic: Diagnostic {
        switch self {
        case .notebook(let e): e.diagnostic
        case .cell(let d): d
        }
    }
}

/// How to run a notebook: param overrides and the file policy.
package struct RunOptions: Sendable {
    /// `--param name=value`, in the order given.
    package var params: [(name: String, value: String)] = []
    package var root: String
    package var allowRead: [String] = []
    package var threads = 2
    /// Param values set directly (replay uses the recorded values), after `params`.
    package var paramValues: [(name: String, value: Value)] = []
    /// The seed to use instead of the front matter's (replay uses the recorded one).
    package var seed: UInt64?
    /// Progress of long work, for the terminal (see `Session.progress`).
    package var progress: (@Sendable (String) -> Void)?
    /// The named connections `connect("NAME")` may open.
    package var connections: Connections?

    package init(root: String) {
        self.root = root
    }
}

/// Runs a notebook's cells top to bottom in one fresh environment.
package enum NotebookRunner {
    package static func run(_ notebook: Notebook, options: RunOptions) throws(RunFailure) -> Report {
        var params = notebook.frontMatter.params
        for (name, text) in options.params {
            guard params[name] != nil else {
                let help =
                    Suggestion.help(for: name, in: params.keys)
                    ?? (params.isEmpty
                        ? "this notebook declares no params"
                        : "its params are " + params.keys.map { "`\($0)`" }.joined(separator: ", "))
                throw .notebook(.unknownParam(path: notebook.path, name: name, help: help))
            }
            if FrontMatterParser.isDecimal(text), Double(text)?.isFinite != true {
                throw .notebook(.invalidParamValue(name: name, text: text))
            }
            params[name] = FrontMatterParser.commandLineValue(text)
        }
        for (name, value) in options.paramValues where params[name] != nil {
            params[name] = value
        }
        let seed = options.seed ?? notebook.frontMatter.seed
        var session = Session(
            params: params, seed: seed,
            files: FileAccess(root: options.root, allowed: options.allowRead))
        session.threads = options.threads
        session.progress = options.progress
        session.connections = options.connections
        var interpreter = Interpreter(session: session)
        var blocks: [Report.Block] = []
        var checks: [Check] = []
        var warnings: [Warning] = []
        var figureNames = Set<String>()
        for segment in notebook.segments {
            switch segment {
            case .prose(let text):
                blocks.append(.prose(text))
            case .cell(let cell):
                let source = cell.sourceText(name: notebook.path)
                var outputs = try runCell(source, interpreter: &interpreter)
                nameFigures(&outputs, cell: cell, taken: &figureNames)
                for output in outputs {
                    if case .check(let c) = output { checks.append(c) }
                    if case .warning(let w) = output { warnings.append(w) }
                }
                blocks.append(.cell(CellReport(cell: cell, outputs: outputs)))
            }
        }
        let metrics = interpreter.globals.filter { $0.value.isMetric }
        return Report(
            notebook: notebook, params: params, seed: seed, blocks: blocks,
            checks: checks, warnings: warnings, metrics: metrics, inputs: interpreter.session.inputs)
    }

    /// Names the cell's figures after its label (or `cell-N`), numbering the second
    /// and later ones, so file names are stable while the notebook is unchanged.
    ///
    /// `taken` holds the names earlier cells used: two cells with one label (or labels that sanitise to one name)
    /// get distinct files instead of overwriting each other's figures.
    static func nameFigures(_ outputs: inout [CellOutput], cell: Cell, taken: inout Set<String>) {
        let base = cell.options.label.map(fileName) ?? "cell-\(cell.index + 1)"
        var count = 0
        for i in outputs.indices {
            guard case .figure(let figure, _) = outputs[i] else { continue }
            count += 1
            var name = count == 1 ? base : "\(base)-\(count)"
            while taken.contains(name) {
                count += 1
                name = "\(base)-\(count)"
            }
            taken.insert(name)
            outputs[i] = .figure(figure, name: name)
        }
    }

    /// A label as a safe file name: letters, digits, `-` and `_`; anything else is `-`.
    static func fileName(_ label: String) -> String {
        let safe = String(
            label.unicodeScalars.map { scalar -> Character in
                let c = Character(scalar)
                return (scalar.isASCII && (c.isLetter || c.isNumber)) || c == "-" || c == "_" ? c : "-"
            })
        return safe.isEmpty ? "figure" : String(safe.prefix(80))
    }

    /// Runs one cell's statements, collecting displays, checks and warnings.
    package static func runCell(_ source: SourceText, interpreter: inout Interpreter) throws(RunFailure) -> [CellOutput]
    {
        let run = CellRun.run(source, on: &interpreter)
        if let failure = run.failure { throw .cell(failure.diagnostic) }
        return run.results.flatMap(outputs)
    }

    /// What a statement adds to its cell's report: its value or check, then its warnings.
    static func outputs(_ result: StatementResult) -> [CellOutput] {
        let shown: [CellOutput] =
            switch result.outcome {
            case .value(.figure(let figure), _): [.figure(figure, name: "")]
            case .value(let value, _): [.display(value.display())]
            case .binding: []
            case .check(let check): [.check(check)]
            }
        return shown + result.warnings.map(CellOutput.warning)
    }
}
