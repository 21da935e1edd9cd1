extension Column {
    /// A structural rule of `Column` that a column breaks.
    package enum InvariantViolation: Equatable, Sendable, CustomStringConvertible {
        /// The missing mask has `count` entries for a column of `expected` rows.
        case missingMaskLength(count: Int, expected: Int)
        /// A mask is present but marks no row (a column with no missing rows has none).
        case emptyMissingMask
        /// A missing row of a number column holds a number rather than NaN.
        case missingNumberNotNaN(row: Int)
        /// A missing row of a bool column holds `true` rather than false.
        case missingBoolNotFalse(row: Int)
        /// A string code is neither -1 nor an index into the dictionary.
        case codeOutOfRange(row: Int, code: Int32, dictionaryCount: Int)
        /// A row's code and its missing flag disagree: -1 on a present row, or a code on a missing one.
        case codeDisagreesWithMask(row: Int, code: Int32, missing: Bool)
        /// The dictionary holds a string twice, so one value would have two codes.
        case duplicateDictionaryEntry(String)

        package var description: String {
            switch self {
            case .missingMaskLength(let count, let expected):
                "the missing mask has \(count) entries for \(expected) rows"
            case .emptyMissingMask:
                "the missing mask marks no row (it should be nil)"
            case .missingNumberNotNaN(let row):
                "missing row \(row) of a number column does not hold NaN"
            case .missingBoolNotFalse(let row):
                "missing row \(row) of a bool column does not hold false"
            case .codeOutOfRange(let row, let code, let count):
                "row \(row) has code \(code), outside a dictionary of \(count)"
            case .codeDisagreesWithMask(let row, let code, let missing):
                "row \(row) has code \(code) but is \(missing ? "" : "not ")marked missing"
            case .duplicateDictionaryEntry(let value):
                "the dictionary holds `\(value)` twice"
            }
        }
    }

    /// Every structural rule this column breaks (the first row of each); empty when it is well formed.
    ///
    /// - Complexity: O(`count` + dictionary size).
    package var invariantViolations: [InvariantViolation] {
        Column.invariantViolations(storage: storage, missing: missing)
    }

    /// The rules a column made of `storage` and `missing` would break, for checking parts
    /// before (or instead of) building a column.
    ///
    /// Rules: the mask, when present, has one entry per row and marks at least one; a
    /// missing number is NaN and a missing bool false; a string code is -1 exactly on the
    /// missing rows and otherwise indexes the dictionary, whose entries are distinct.
    ///
    /// - Complexity: O(row count + dictionary size).
    package static func invariantViolations(storage: Storage, missing: [Bool]?) -> [InvariantViolation] {
        var found: [InvariantViolation] = []
        let count: Int
        switch storage {
        case .number(let v): count = v.count
        case .bool(let v): count = v.count
        case .string(let codes, _): count = codes.count
        }
        if let missing {
            if missing.count != count { found.append(.missingMaskLength(count: missing.count, expected: count)) }
            if !missing.contains(true) { found.append(.emptyMissingMask) }
        }
        // Rows past the end of a too-short mask count as present, so the checks below never trap.
        func isMissing(_ i: Int) -> Bool {
            guard let missing, i < missing.count else { return false }
            return missing[i]
        }
        switch storage {
        case .number(let v):
            if let row = v.indices.first(where: { isMissing($0) && !v[$0].isNaN }) {
                found.append(.missingNumberNotNaN(row: row))
            }
        case .bool(let v):
            if let row = v.indices.first(where: { isMissing($0) && v[$0] }) {
                found.append(.missingBoolNotFalse(row: row))
            }
        case .string(let codes, let dictionary):
            if let row = codes.indices.first(where: { codes[$0] < -1 || Int(codes[$0]) >= dictionary.count }) {
                found.append(.codeOutOfRange(row: row, code: codes[row], dictionaryCount: dictionary.count))
            }
            if let row = codes.indices.first(where: { (codes[$0] == -1) != isMissing($0) }) {
                found.append(.codeDisagreesWithMask(row: row, code: codes[row], missing: isMissing(row)))
            }
            var seen = Set<String>()
            if let twice = dictionary.first(where: { !seen.insert($0).inserted }) {
                found.append(.duplicateDictionaryEntry(twice))
            }
        }
        return found
    }

    /// Stops a debug build whose code broke a column invariant; compiled out of release builds.
    ///
    /// Only code can break one, by passing a mask or codes that do not match its values;
    /// readers and builtins derive both from the same rows, so no file or notebook can.
    func assertInvariants() {
        assert(invariantViolations.isEmpty, "Column invariant broken: \(invariantViolations)")
    }
}
