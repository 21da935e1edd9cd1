extension Column {
    /// A number column from optional values (`nil` is missing).
    package init(optionalNumbers values: [Double?]) {
        var missing = [Bool](repeating: false, count: values.count)
        var numbers = [Double](repeating: .nan, count: values.count)
        for (i, v) in values.enumerated() {
            if let v { numbers[i] = v } else { missing[i] = true }
        }
        self.init(numbers: numbers, missing: missing)
    }

    /// A bool column from optional values (`nil` is missing).
    package init(optionalBools values: [Bool?]) {
        var missing = [Bool](repeating: false, count: values.count)
        var bools = [Bool](repeating: false, count: values.count)
        for (i, v) in values.enumerated() {
            if let v { bools[i] = v } else { missing[i] = true }
        }
        self.init(bools: bools, missing: missing)
    }

    /// A column of `count` missing values of `type`.
    package static func allMissing(_ type: ColumnType, count: Int) -> Column {
        let missing = [Bool](repeating: true, count: count)
        switch type {
        case .number: return Column(numbers: [Double](repeating: .nan, count: count), missing: missing)
        case .bool: return Column(bools: [Bool](repeating: false, count: count), missing: missing)
        case .string: return Column(codes: [Int32](repeating: -1, count: count), dictionary: [], missing: missing)
        }
    }

    /// Joins columns of one type end to end; `nil` when the types differ.
    package static func concatenating(_ parts: [Column]) -> Column? {
        guard let first = parts.first else { return nil }
        guard parts.allSatisfy({ $0.type == first.type }) else { return nil }
        let missing: [Bool]? =
            parts.contains(where: \.hasMissing)
            ? parts.flatMap { $0.missing ?? [Bool](repeating: false, count: $0.count) } : nil
        switch first.storage {
        case .number:
            return Column(numbers: parts.flatMap { $0.numbers ?? [] }, missing: missing)
        case .bool:
            return Column(bools: parts.flatMap { $0.bools ?? [] }, missing: missing)
        case .string:
            var lookup: [String: Int32] = [:]
            var dictionary: [String] = []
            var codes: [Int32] = []
            codes.reserveCapacity(parts.reduce(0) { $0 + $1.count })
            for part in parts {
                guard case .string(let partCodes, let partDictionary) = part.storage else { continue }
                var remap = [Int32](repeating: -1, count: partDictionary.count)
                for (j, s) in partDictionary.enumerated() {
                    if let code = lookup[s] {
                        remap[j] = code
                    } else {
                        let code = Int32(dictionary.count)
                        lookup[s] = code
                        dictionary.append(s)
                        remap[j] = code
                    }
                }
                for c in partCodes { codes.append(c < 0 ? -1 : remap[Int(c)]) }
            }
            return Column(codes: codes, dictionary: dictionary, missing: missing)
        }
    }
}
