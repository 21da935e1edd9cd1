/// Binds call arguments to a builtin's parameters.
enum Binder {
    static func bind(_ builtin: Builtin, _ args: [(name: String?, item: Arguments.Item)], span: SourceSpan)
        throws(RuntimeError) -> Arguments
    {
        var bound = Arguments(function: builtin.name, callSpan: span)
        bound.inputs = builtin.parameters.filter { $0.role == .required || $0.role == .optional }.map(\.name)
        let positional = builtin.parameters.filter { $0.role == .required || $0.role == .optional }
        let variadic = builtin.parameters.contains { $0.role == .variadic }
        let acceptsAnyName = builtin.parameters.contains { $0.role == .anyNamed }
        var next = 0
        for (name, item) in args {
            if let name {
                if let p = builtin.parameters.first(where: {
                    $0.name == name && $0.role != .variadic && $0.role != .anyNamed
                }) {
                    guard bound.byName[p.name] == nil else {
                        throw .invalidArgument("`\(name)` is given twice", item.span)
                    }
                    bound.byName[p.name] = item
                } else if acceptsAnyName {
                    bound.extraNamed.append((name, item))
                } else {
                    throw .unknownOption(name, function: builtin.name, candidates: builtin.optionNames, item.span)
                }
            } else if next < positional.count {
                bound.byName[positional[next].name] = item
                next += 1
            } else if variadic {
                bound.rest.append(item)
            } else {
                throw .tooManyArguments(function: builtin.name, signature: builtin.signature, item.span)
            }
        }
        for p in builtin.parameters where p.role == .required && bound.byName[p.name] == nil {
            throw .missingArgument(p.name, function: builtin.name, signature: builtin.signature, span)
        }
        return bound
    }
}
