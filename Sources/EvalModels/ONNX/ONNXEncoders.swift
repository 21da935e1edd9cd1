// The ai.onnx.ml operators that prepare features in a scikit-learn pipeline: Imputer
// (SimpleImputer), OneHotEncoder, LabelEncoder (OrdinalEncoder) and CategoryMapper, with
// onnxruntime's semantics.

/// ai.onnx.ml Imputer: replaces missing values (NaN, or `replaced_value`) by a value per
/// column of the last axis, or one for all.
struct Imputer: Sendable {
    var imputed: [Float]
    /// nil: replace NaN.
    var replaced: Float?

    init(_ a: ONNXAttributes) throws(ONNXRunError) {
        let floats = a.floats("imputed_value_floats")
        let ints = a.ints("imputed_value_int64s")
        if !floats.isEmpty {
            imputed = floats
            let value = a.has("replaced_value_float") ? a.float("replaced_value_float", 0) : 0
            replaced = value.isNaN ? nil : value
        } else if !ints.isEmpty {
            imputed = ints.map { Float($0) }
            replaced = Float(a.int("replaced_value_int64", 0))
        } else {
            throw a.error("has no imputed values")
        }
    }

    func apply(_ x: ONNXTensor) throws(ONNXRunError) -> ONNXTensor {
        guard !x.isString else { throw ONNXRunError(reason: "the operator `Imputer` takes numbers, not strings") }
        let width = x.shape.last ?? 1
        guard imputed.count == 1 || imputed.count == width else {
            throw ONNXRunError(
                reason: "the operator `Imputer` has \(imputed.count) imputed values for \(width) columns")
        }
        var out = x
        for i in out.data.indices {
            let v = out.data[i]
            if replaced.map({ v == $0 }) ?? v.isNaN {
                out.data[i] = imputed.count == 1 ? imputed[0] : imputed[i % width]
            }
        }
        return out
    }
}

/// ai.onnx.ml OneHotEncoder: each element becomes a row of 0s with a 1 at its category.
///
/// The output's shape is the input's with the categories as a last axis. An unknown
/// category gives all 0s, or (with `zeros` = 0) an error, as onnxruntime.
struct OneHotEncoder: Sendable {
    var strings: [String: Int]
    var integers: [Int64: Int]
    var categories: Int
    var zeros: Bool

    init(_ a: ONNXAttributes) throws(ONNXRunError) {
        let names = a.strings("cats_strings"), codes = a.int64s("cats_int64s")
        guard names.isEmpty != codes.isEmpty else {
            throw a.error("needs exactly one of cats_strings and cats_int64s")
        }
        strings = [:]
        integers = [:]
        for (k, name) in names.enumerated() where strings[name] == nil { strings[name] = k }
        for (k, code) in codes.enumerated() where integers[code] == nil { integers[code] = k }
        categories = names.count + codes.count
        zeros = a.int("zeros", 1) != 0
    }

    func apply(_ x: ONNXTensor) throws(ONNXRunError) -> ONNXTensor {
        var out = [Float](repeating: 0, count: x.count * categories)
        for i in 0..<x.count {
            let category: Int?
            let shown: String
            if let values = x.strings {
                guard integers.isEmpty else {
                    throw ONNXRunError(reason: "the operator `OneHotEncoder` has integer categories but string input")
                }
                category = strings[values[i]]
                shown = "\"\(values[i])\""
            } else {
                guard strings.isEmpty else {
                    throw ONNXRunError(reason: "the operator `OneHotEncoder` has string categories but numeric input")
                }
                // onnxruntime casts the input to int64 (truncating) before the lookup.
                let v = x.data[i]
                category = v.isFinite && abs(v) < 9.2e18 ? integers[Int64(v)] : nil
                shown = "\(v)"
            }
            if let category {
                out[i * categories + category] = 1
            } else if !zeros {
                throw ONNXRunError(
                    reason: "the operator `OneHotEncoder` meets the category \(shown), which it was not trained on "
                        + "(it was exported with handle_unknown=\"error\")", dataDependent: true)
            }
        }
        return ONNXTensor(shape: x.shape + [categories], data: out)
    }
}

/// A key of a lookup table: a string or a number (integers and floats as float32, as
/// tensors hold them).
enum ONNXKey: Hashable, Sendable {
    case string(String)
    case number(Float)
}

/// ai.onnx.ml LabelEncoder (opset 2 and later: keys to values of any of the three types,
/// with a default; opset 1: strings to their index in `classes_strings` and back) and
/// CategoryMapper (strings to integers and back, by two parallel lists).
struct LookupTable: Sendable {
    var table: [ONNXKey: ONNXKey]
    var keysAreStrings: Bool
    /// The value of an unknown key; its kind is the output's.
    var fallback: ONNXKey
    /// The value an unknown key gets when the input is the other kind (CategoryMapper
    /// and opset-1 LabelEncoder map both ways).
    var reverse: [ONNXKey: ONNXKey]?
    var reverseFallback: ONNXKey?
    var op: String

    init(labelEncoder a: ONNXAttributes) throws(ONNXRunError) {
        op = "LabelEncoder"
        let classes = a.strings("classes_strings")
        if !classes.isEmpty {
            // opset 1: string → index, integer → string.
            (table, reverse) = ([:], [:])
            for (k, name) in classes.enumerated() {
                if table[.string(name)] == nil { table[.string(name)] = .number(Float(k)) }
                reverse?[.number(Float(k))] = .string(name)
            }
            keysAreStrings = true
            fallback = .number(Float(a.int("default_int64", -1)))
            reverseFallback = .string(a.string("default_string", "_Unused"))
            return
        }
        let keys: [ONNXKey]
        let values: [ONNXKey]
        let stringKeys = a.strings("keys_strings"), intKeys = a.int64s("keys_int64s"),
            floatKeys = a.floats("keys_floats")
        if !stringKeys.isEmpty {
            keys = stringKeys.map(ONNXKey.string)
        } else if !intKeys.isEmpty {
            keys = intKeys.map { .number(Float($0)) }
        } else if !floatKeys.isEmpty {
            keys = floatKeys.map(ONNXKey.number)
        } else {
            throw a.error("has no keys (keys_strings, keys_int64s or keys_floats)")
        }
        let stringValues = a.strings("values_strings"), intValues = a.int64s("values_int64s")
        let floatValues = a.floats("values_floats")
        if !stringValues.isEmpty {
            values = stringValues.map(ONNXKey.string)
            fallback = .string(a.string("default_string", "_Unused"))
        } else if !intValues.isEmpty {
            values = intValues.map { .number(Float($0)) }
            fallback = .number(Float(a.int("default_int64", -1)))
        } else if !floatValues.isEmpty {
            values = floatValues.map(ONNXKey.number)
            fallback = .number(a.has("default_float") ? a.float("default_float", 0) : -0.0)
        } else {
            throw a.error("has no values (values_strings, values_int64s or values_floats)")
        }
        guard keys.count == values.count else {
            throw a.error("has \(keys.count) keys for \(values.count) values")
        }
        table = [:]
        for (key, value) in zip(keys, values) where table[key] == nil { table[key] = value }
        keysAreStrings = !stringKeys.isEmpty
        reverse = nil
        reverseFallback = nil
    }

    init(categoryMapper a: ONNXAttributes) throws(ONNXRunError) {
        op = "CategoryMapper"
        let names = a.strings("cats_strings"), codes = a.int64s("cats_int64s")
        guard names.count == codes.count, !names.isEmpty else {
            throw a.error("needs cats_strings and cats_int64s of one length")
        }
        (table, reverse) = ([:], [:])
        for (name, code) in zip(names, codes) {
            if table[.string(name)] == nil { table[.string(name)] = .number(Float(code)) }
            if reverse?[.number(Float(code))] == nil { reverse?[.number(Float(code))] = .string(name) }
        }
        keysAreStrings = true
        fallback = .number(Float(a.int("default_int64", -1)))
        reverseFallback = .string(a.string("default_string", "_Unused"))
    }

    func apply(_ x: ONNXTensor) throws(ONNXRunError) -> ONNXTensor {
        let forward = x.isString == keysAreStrings
        guard let lookup = forward ? table : reverse, let missing = forward ? fallback : reverseFallback else {
            throw ONNXRunError(
                reason: "the operator `\(op)` has \(keysAreStrings ? "string" : "numeric") keys but "
                    + "\(x.isString ? "string" : "numeric") input")
        }
        var out: [ONNXKey] = []
        out.reserveCapacity(x.count)
        if let values = x.strings {
            for v in values { out.append(lookup[.string(v)] ?? missing) }
        } else {
            for v in x.data { out.append(lookup[.number(v)] ?? missing) }
        }
        if case .string = missing {
            return ONNXTensor(
                shape: x.shape,
                strings: out.map {
                    if case .string(let s) = $0 { return s }
                    return ""
                })
        }
        return ONNXTensor(
            shape: x.shape,
            data: out.map {
                if case .number(let v) = $0 { return v }
                return .nan
            })
    }
}
