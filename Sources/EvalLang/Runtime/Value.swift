import EvalData
import EvalModels
import OrderedCollections

/// A runtime value of the cell language.
package enum Value: Sendable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case null
    case column(Column)
    case table(Table)
    case list([Value])
    case record(Record)
    indirect case function(Function)
    /// A chart (SPEC §5 "Figures"): SVG in reports, a terminal chart in the REPL.
    case figure(Figure)
    /// A loaded model file (SPEC §5 "Models").
    case model(Model)
    /// A connection, relation or relation column: rows that stay in an engine (EvalSQL).
    case remote(Remote)

    /// The type name used in messages and summaries.
    package var typeName: String {
        switch self {
        case .number: "number"
        case .string: "string"
        case .bool: "bool"
        case .null: "null"
        case .column(let c): "\(c.type.rawValue) column"
        case .table: "table"
        case .list: "list"
        case .record: "record"
        case .function: "function"
        case .figure: "figure"
        case .model: "model"
        case .remote(let r): r.typeName
        }
    }
}

/// Named values in definition order: record literals and domain results (a confusion
/// matrix, a test readout) alike.
package struct Record: Sendable {
    /// The one kind of record that behaves differently from the rest.
    package enum Kind: Sendable, Equatable {
        /// Record literals, rows and builtin results: shown as a field/value table.
        case plain
        /// The notebook's `params`: shown inline, and a missing field is an unknown parameter.
        case params
    }

    package var fields: OrderedDictionary<String, Value>
    package var kind: Kind

    package init(_ fields: OrderedDictionary<String, Value> = [:], kind: Kind = .plain) {
        self.fields = fields
        self.kind = kind
    }

    package subscript(name: String) -> Value? {
        get { fields[name] }
        set { fields[name] = newValue }
    }
}

/// A callable value: a builtin from the registry, or a lambda.
package enum Function: Sendable {
    case builtin(Builtin)
    case lambda(Lambda)

    package var name: String {
        switch self {
        case .builtin(let b): b.name
        case .lambda: "lambda"
        }
    }
}

/// `x => body`: parameters, body, and the enclosing lambdas' parameters it closes over.
///
/// Global names resolve when the lambda runs, as in Python, so a lambda may use
/// bindings made after it (and itself).
package struct Lambda: Sendable {
    package var parameters: [String]
    package var body: Expr
    package var captured: OrderedDictionary<String, Value>
}

extension Value {
    /// The number this value holds, or nil for any other kind.
    var number: Double? {
        if case .number(let x) = self { return x }
        return nil
    }
}
