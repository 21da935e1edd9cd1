/// One entry of the builtin registry: name, family, parameters, doc, example and traits.
///
/// The help text, `evalbook functions` and the REPL's `:help` all print from
/// these entries, so a builtin is documented exactly where it is defined.
package struct Builtin: Sendable {
    package typealias Body = @Sendable (inout Interpreter, Arguments) throws(RuntimeError) -> Value

    package var name: String
    package var family: Family
    /// Set on metrics that score predictions as one number, so `leaderboard` knows
    /// what it may rank by and which way is better.
    package var metric: MetricTrait?
    /// Set on checks (`approx`, `between`) whose `false` says nothing on its own: a
    /// failed `expect` of a call to one shows the values the call was given.
    package var explainsFailedCheck: Bool
    package var parameters: [Parameter]
    package var doc: String
    package var example: String
    package var body: Body

    package init(
        _ name: String, family: Family, metric: MetricTrait? = nil, explainsFailedCheck: Bool = false,
        _ parameters: [Parameter], doc: String, example: String, body: @escaping Body
    ) {
        self.name = name
        self.family = family
        self.metric = metric
        self.explainsFailedCheck = explainsFailedCheck
        self.parameters = parameters
        self.doc = doc
        self.example = example
        self.body = body
    }

    /// `roc_auc(y, p, weights:, by:)`, derived from the parameters.
    package var signature: String {
        let parts = parameters.map { p -> String in
            switch p.role {
            case .required: p.name
            case .optional: "[\(p.name)]"
            case .variadic: "\(p.name)…"
            case .option: "\(p.name):"
            case .anyNamed: "\(p.name): value…"
            }
        }
        return "\(name)(\(parts.joined(separator: ", ")))"
    }

    /// Names accepted as `name:` arguments.
    package var optionNames: [String] {
        parameters.filter { $0.role != .variadic && $0.role != .anyNamed }.map(\.name)
    }

    /// Why a failed `expect` of a call to this builtin failed: the call with its arguments'
    /// values, `approx(0.8612, 0.87, tol: 0.01) is false`.
    ///
    /// Nil for builtins that do not explain failed checks; `name` is the callee as written.
    package func failedCheckExplanation(called name: String, _ arguments: [(name: String?, value: Value)]) -> String? {
        guard explainsFailedCheck else { return nil }
        let parts = arguments.map { ($0.name.map { "\($0): " } ?? "") + $0.value.inlineText }
        return "\(name)(\(parts.joined(separator: ", "))) is false"
    }
}

/// What a metric's number means when models are compared by it.
///
/// Only builtins that give one number per call (a table of them with `by:`) carry
/// it, so having one is what makes a builtin a metric `leaderboard` can rank by.
package struct MetricTrait: Sendable, Equatable {
    /// Which end of the metric's range is the better model.
    package enum Direction: Sendable, Equatable {
        /// Scores and agreement: roc_auc, accuracy, r2, ndcg.
        case higherIsBetter
        /// Losses and errors: log_loss, brier, rmse, ece.
        case lowerIsBetter
    }

    package var direction: Direction

    package init(direction: Direction) {
        self.direction = direction
    }

    /// A score, ranked largest first.
    package static let higherIsBetter = MetricTrait(direction: .higherIsBetter)
    /// A loss, ranked smallest first.
    package static let lowerIsBetter = MetricTrait(direction: .lowerIsBetter)

    /// Whether `a` is a better value than `b` (never for equal values).
    package func prefers(_ a: Double, over b: Double) -> Bool {
        switch direction {
        case .higherIsBetter: a > b
        case .lowerIsBetter: a < b
        }
    }
}

/// A builtin's parameter and how it may be passed.
package struct Parameter: Sendable {
    package enum Role: Sendable, Equatable {
        /// Positional (or by name), must be given.
        case required
        /// Positional (or by name), may be left out.
        case optional
        /// Any number of further positional arguments.
        case variadic
        /// Only by name: `weights:`.
        case option
        /// Any names at all (`table(a: x, b: y)`), collected in order.
        case anyNamed
    }

    package var name: String
    package var role: Role

    package static func required(_ name: String) -> Parameter { Parameter(name: name, role: .required) }
    package static func optional(_ name: String) -> Parameter { Parameter(name: name, role: .optional) }
    package static func variadic(_ name: String) -> Parameter { Parameter(name: name, role: .variadic) }
    package static func option(_ name: String) -> Parameter { Parameter(name: name, role: .option) }
    package static func anyNamed(_ name: String) -> Parameter { Parameter(name: name, role: .anyNamed) }
}
