import EvalData
import OrderedCollections

extension Interpreter {
    /// Evaluates `expr`; `locals` are the parameters of the lambdas around it.
    package mutating func evaluate(_ expr: Expr, locals: OrderedDictionary<String, Value>) throws(RuntimeError) -> Value
    {
        guard evaluationDepth < Interpreter.maxEvaluationDepth else {
            throw .limit(.evaluationDepth(Interpreter.maxEvaluationDepth), expr.span)
        }
        if Interruption.isRequested { throw .interrupted(expr.span) }
        evaluationDepth += 1
        defer { evaluationDepth -= 1 }
        return try evaluateNode(expr, locals: locals)
    }

    private mutating func evaluateNode(_ expr: Expr, locals: OrderedDictionary<String, Value>) throws(RuntimeError)
        -> Value
    {
        switch expr.kind {
        case .number(let x): return .number(x)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .null: return .null
        case .name(let name):
            return try lookup(name, locals: locals, span: expr.span)
        case .list(let items):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try evaluate(item, locals: locals)) }
            return .list(values)
        case .record(let fields):
            var record = Record()
            for field in fields { record[field.name] = try evaluate(field.value, locals: locals) }
            return .record(record)
        case .unary(.negate, let operand):
            return try Operators.negate(try evaluate(operand, locals: locals), span: expr.span)
        case .binary(let op, let lhs, let rhs):
            let left = try evaluate(lhs, locals: locals)
            let right = try evaluate(rhs, locals: locals)
            return try Operators.binary(op, left, right, span: expr.span)
        case .and(let lhs, let rhs):
            let left = try evaluate(lhs, locals: locals)
            if case .bool(false) = left { return .bool(false) }
            return try Operators.logical(and: true, left, try evaluate(rhs, locals: locals), span: expr.span)
        case .or(let lhs, let rhs):
            let left = try evaluate(lhs, locals: locals)
            if case .bool(true) = left { return .bool(true) }
            return try Operators.logical(and: false, left, try evaluate(rhs, locals: locals), span: expr.span)
        case .not(let operand):
            return try Operators.not(try evaluate(operand, locals: locals), span: expr.span)
        case .member(let base, let name, let nameSpan):
            return try member(base, name: name, nameSpan: nameSpan, locals: locals)
        case .index(let base, let index):
            let value = try evaluate(base, locals: locals)
            let key = try evaluate(index, locals: locals)
            return try Indexing.index(value, by: key, baseName: Self.name(of: base), span: index.span)
        case .call(let callee, let args):
            return try call(callee, args, span: expr.span, locals: locals)
        case .lambda(let parameters, let body):
            return .function(.lambda(Lambda(parameters: parameters, body: body, captured: locals)))
        }
    }

    /// The name of a plain-name expression, for messages like "table `test`".
    static func name(of expr: Expr) -> String? {
        if case .name(let n) = expr.kind { return n }
        return nil
    }

    private func lookup(_ name: String, locals: OrderedDictionary<String, Value>, span: SourceSpan) throws(RuntimeError)
        -> Value
    {
        if let v = locals[name] { return v }
        if let v = globals[name] { return v }
        if name == "params" { return .record(Record(session.params, kind: .params)) }
        if let builtin = BuiltinRegistry.shared[name] { return .function(.builtin(builtin)) }
        throw .unknownName(name, candidates: knownNames(locals: locals), span)
    }

    private mutating func member(
        _ base: Expr, name: String, nameSpan: SourceSpan, locals: OrderedDictionary<String, Value>
    ) throws(RuntimeError) -> Value {
        let value = try evaluate(base, locals: locals)
        switch value {
        case .table(let t):
            guard let column = t.column(named: name) else {
                throw .unknownColumn(name, table: Self.name(of: base), candidates: t.names, nameSpan)
            }
            return .column(column)
        case .remote(let remote):
            return try RemoteExpressions.member(remote, name: name, relationName: Self.name(of: base), span: nameSpan)
        case .record(let r):
            guard let field = r[name] else {
                if r.kind == .params { throw .unknownParam(name, candidates: Array(r.fields.keys), nameSpan) }
                throw .unknownField(name, candidates: Array(r.fields.keys), nameSpan)
            }
            return field
        default:
            throw .invalidArgument(
                "a \(value.typeName) has no fields; `.\(name)` reads a table column or a record field", nameSpan)
        }
    }

    // MARK: Calls

    private mutating func call(
        _ callee: Expr, _ args: [CallArgument], span: SourceSpan, locals: OrderedDictionary<String, Value>
    ) throws(RuntimeError) -> Value {
        let function = try resolveCallee(callee, locals: locals)
        var evaluated: [(name: String?, item: Arguments.Item)] = []
        for arg in args {
            evaluated.append((arg.name, Arguments.Item(value: try evaluate(arg.value, locals: locals), span: arg.span)))
        }
        return try invoke(function, evaluated, span: span)
    }

    /// SPEC §4: a bound function if there is one, else the builtin of that name,
    /// so `precision = precision(y, yhat)` works and later calls still reach the builtin.
    private mutating func resolveCallee(_ callee: Expr, locals: OrderedDictionary<String, Value>) throws(RuntimeError)
        -> Function
    {
        if case .name(let name) = callee.kind {
            if let function = function(named: name, locals: locals) { return function }
            if let bound = locals[name] ?? globals[name] { throw .notCallable(found: bound.typeName, callee.span) }
            throw .unknownName(name, candidates: knownNames(locals: locals), callee.span)
        }
        let value = try evaluate(callee, locals: locals)
        guard case .function(let f) = value else { throw .notCallable(found: value.typeName, callee.span) }
        return f
    }

    /// What a call of `name` reaches: a bound function, else the builtin of that name.
    func function(named name: String, locals: OrderedDictionary<String, Value>) -> Function? {
        if case .function(let f)? = locals[name] ?? globals[name] { return f }
        return BuiltinRegistry.shared[name].map(Function.builtin)
    }

    /// Calls a function with already evaluated arguments (builtins use this for callbacks).
    package mutating func invoke(
        _ function: Function, _ args: [(name: String?, item: Arguments.Item)], span: SourceSpan
    ) throws(RuntimeError) -> Value {
        switch function {
        case .builtin(let builtin):
            let bound = try Binder.bind(builtin, args, span: span)
            if let overload = RelationOverloads.body(of: builtin.name, for: bound) { return try overload(&self, bound) }
            return try builtin.body(&self, bound)
        case .lambda(let lambda):
            if let named = args.first(where: { $0.name != nil }), let nameSpan = Optional(named.item.span) {
                throw .invalidArgument("a lambda takes positional arguments only", nameSpan)
            }
            guard args.count == lambda.parameters.count else {
                throw .invalidArgument(
                    "this lambda takes \(lambda.parameters.count) argument\(lambda.parameters.count == 1 ? "" : "s"), given \(args.count)",
                    span)
            }
            guard callDepth < Interpreter.maxCallDepth else {
                throw .limit(.callDepth(Interpreter.maxCallDepth), span)
            }
            var scope = lambda.captured
            for (name, arg) in zip(lambda.parameters, args) { scope[name] = arg.item.value }
            callDepth += 1
            defer { callDepth -= 1 }
            return try evaluate(lambda.body, locals: scope)
        }
    }

    /// Calls `function` with positional values (for `map`, `by`, `bootstrap`…).
    package mutating func call(_ function: Function, _ values: [Value], span: SourceSpan) throws(RuntimeError) -> Value
    {
        try invoke(function, values.map { (nil, Arguments.Item(value: $0, span: span)) }, span: span)
    }
}
