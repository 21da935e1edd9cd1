import EvalData
import Testing

@Suite("Column invariants")
struct ColumnInvariantTests {
    /// Columns from every initialiser and operation, with and without missing rows.
    static let wellFormed: [Column] = {
        let numbers = Column(numbers: [1, 2, 3, 4], missing: [false, true, false, false])
        let bools = Column(bools: [true, true, false], missing: [true, false, false])
        let strings = Column(strings: ["a", nil, "b", "a"])
        return [
            numbers, bools, strings,
            Column(numbers: []), Column(bools: [true]), Column(strings: []),
            Column(numbers: [1, 2], missing: [false, false]),
            Column(optionalNumbers: [1, nil, 3]), Column(optionalBools: [nil, false]),
            Column(codes: [1, -1, 0], dictionary: ["x", "y"], missing: [false, true, false]),
            Column.allMissing(.number, count: 3), Column.allMissing(.bool, count: 2),
            Column.allMissing(.string, count: 2),
            numbers.gathering([3, 1, 1]), strings.filtering([true, true, false, false]), bools.slice(1..<9),
            Column.concatenating([strings, Column(strings: ["c", "a"]), Column.allMissing(.string, count: 1)]),
            Column.concatenating([numbers, Column(numbers: [5])]),
        ].compactMap { $0 }
    }()

    @Test("columns built by every initialiser and operation keep every invariant")
    func wellFormedColumnsReportNothing() {
        #expect(Self.wellFormed.count == 18)
        for column in Self.wellFormed {
            #expect(column.invariantViolations.isEmpty, "\(column)")
        }
    }

    @Test("a mask of the wrong length is reported, and the checker does not trap on it")
    func maskLength() {
        let short = Column.invariantViolations(storage: .number([1, .nan, 3]), missing: [false, true])
        #expect(short == [.missingMaskLength(count: 2, expected: 3)])
        let long = Column.invariantViolations(storage: .bool([false]), missing: [true, false, true])
        #expect(long == [.missingMaskLength(count: 3, expected: 1)])
    }

    @Test("a mask that marks no row is reported: it should be nil")
    func emptyMask() {
        #expect(Column.invariantViolations(storage: .number([1, 2]), missing: [false, false]) == [.emptyMissingMask])
        #expect(Column.invariantViolations(storage: .number([]), missing: []) == [.emptyMissingMask])
    }

    @Test("a missing number that is not NaN, and a missing bool that is not false, are reported")
    func missingPlaceholders() {
        let numbers = Column.invariantViolations(storage: .number([1, 2, 3]), missing: [false, false, true])
        #expect(numbers == [.missingNumberNotNaN(row: 2)])
        let bools = Column.invariantViolations(storage: .bool([false, true]), missing: [false, true])
        #expect(bools == [.missingBoolNotFalse(row: 1)])
        // A present NaN is a value (0 / 0), not a broken invariant.
        #expect(Column.invariantViolations(storage: .number([.nan]), missing: nil).isEmpty)
    }

    @Test("string codes outside the dictionary are reported with their row")
    func codesOutOfRange() {
        let high = Column.invariantViolations(storage: .string(codes: [0, 2], dictionary: ["a", "b"]), missing: nil)
        #expect(high == [.codeOutOfRange(row: 1, code: 2, dictionaryCount: 2)])
        let low = Column.invariantViolations(storage: .string(codes: [0, -2], dictionary: ["a"]), missing: nil)
        #expect(low == [.codeOutOfRange(row: 1, code: -2, dictionaryCount: 1)])
        // On a missing row, a code below -1 is both out of range and not the missing code.
        let lowMissing = Column.invariantViolations(
            storage: .string(codes: [-2, 0], dictionary: ["a"]), missing: [true, false])
        #expect(
            lowMissing == [
                .codeOutOfRange(row: 0, code: -2, dictionaryCount: 1),
                .codeDisagreesWithMask(row: 0, code: -2, missing: true),
            ])
    }

    @Test("a code of -1 must be exactly the missing rows")
    func codesAgreeWithMask() {
        let unmarked = Column.invariantViolations(storage: .string(codes: [0, -1], dictionary: ["a"]), missing: nil)
        #expect(unmarked == [.codeDisagreesWithMask(row: 1, code: -1, missing: false)])
        let coded = Column.invariantViolations(
            storage: .string(codes: [0, 0, -1], dictionary: ["a"]), missing: [false, true, true])
        #expect(coded == [.codeDisagreesWithMask(row: 1, code: 0, missing: true)])
    }

    @Test("a dictionary holding a string twice is reported")
    func duplicateDictionaryEntry() {
        let found = Column.invariantViolations(storage: .string(codes: [0, 1], dictionary: ["a", "a"]), missing: nil)
        #expect(found == [.duplicateDictionaryEntry("a")])
    }

    @Test("several broken rules are all reported, each once, in rule order")
    func severalViolations() {
        let found = Column.invariantViolations(
            storage: .string(codes: [5, -1, 7], dictionary: ["a", "b", "a"]), missing: [false, false])
        #expect(
            found == [
                .missingMaskLength(count: 2, expected: 3), .emptyMissingMask,
                .codeOutOfRange(row: 0, code: 5, dictionaryCount: 3),
                .codeDisagreesWithMask(row: 1, code: -1, missing: false), .duplicateDictionaryEntry("a"),
            ])
    }

    @Test("violations describe themselves in words")
    func descriptions() {
        #expect(
            Column.InvariantViolation.missingMaskLength(count: 2, expected: 3).description
                == "the missing mask has 2 entries for 3 rows")
        #expect(
            Column.InvariantViolation.codeDisagreesWithMask(row: 1, code: -1, missing: false).description
                == "row 1 has code -1 but is not marked missing")
    }
}
