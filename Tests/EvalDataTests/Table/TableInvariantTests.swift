import EvalData
import Testing

@Suite("Table invariants")
struct TableInvariantTests {
    static let a = Column(numbers: [1, 2, 3])
    static let b = Column(strings: ["x", nil, "y"])

    @Test("tables built and changed by every operation keep every invariant")
    func wellFormedTablesReportNothing() throws {
        var t = try Table(names: ["a", "b"], columns: [Self.a, Self.b])
        try t.set(name: "a", column: Column(numbers: [4, 5, 6]))
        try t.set(name: "c", column: Column(bools: [true, false, true]))
        var single = try Table(names: ["only"], columns: [Self.a])
        try single.set(name: "only", column: Column(numbers: [1]))
        let tables = [
            Table(), t, single, t.selecting(["c", "a", "zz"]), t.selecting([]), t.dropping(["b"]),
            t.filtering([true, false, true]), t.gathering([2, 2, 0, 1]), t.slice(1..<10),
        ]
        for table in tables {
            #expect(table.invariantViolations.isEmpty, "\(table)")
        }
        #expect(single.rowCount == 1)
        #expect(t.gathering([2, 2, 0, 1]).rowCount == 4)
    }

    @Test("the checker reports a names-to-columns count that differs")
    func nameCount() {
        let found = Table.invariantViolations(names: ["a", "b"], columns: [Self.a], rowCount: 3)
        #expect(found == [.nameCount(names: 2, columns: 1)])
    }

    @Test("the checker reports empty and duplicate names")
    func names() {
        let found = Table.invariantViolations(names: ["", "a", "a"], columns: [Self.a, Self.a, Self.a], rowCount: 3)
        #expect(found == [.emptyName(index: 0), .duplicateName("a")])
    }

    @Test("the checker reports a column of another length, and rows without columns")
    func lengths() {
        let found = Table.invariantViolations(names: ["a", "b"], columns: [Self.a, Self.b], rowCount: 2)
        #expect(
            found == [
                .columnLength(name: "a", count: 3, expected: 2), .columnLength(name: "b", count: 3, expected: 2),
            ])
        #expect(Table.invariantViolations(names: [], columns: [], rowCount: 4) == [.rowsWithoutColumns(rowCount: 4)])
        // A column without a name is named by its position.
        let unnamed = Table.invariantViolations(names: [], columns: [Self.a], rowCount: 1)
        #expect(unnamed == [.nameCount(names: 0, columns: 1), .columnLength(name: "#1", count: 3, expected: 1)])
    }

    @Test("the checker checks each column too, and names the column in what it reports")
    func columnRules() {
        #expect(Table.invariantViolations(names: ["a", "b"], columns: [Self.a, Self.b], rowCount: 3).isEmpty)
        // Debug builds stop at a broken column's initialiser, so no broken `Column` value
        // can reach a table here; what the table would report for one is its column's
        // violation under the column's name.
        let broken = Column.invariantViolations(storage: .string(codes: [0, 3], dictionary: ["x"]), missing: nil)
        #expect(broken == [.codeOutOfRange(row: 1, code: 3, dictionaryCount: 1)])
        #expect(
            Table.InvariantViolation.column(name: "b", broken[0]).description
                == "column `b`: row 1 has code 3, outside a dictionary of 1")
    }

    @Test("a table read from CSV keeps every invariant")
    func csvTable() throws {
        let table = try CSVTest.table("a,b,c\n1,x,true\n,y,\nNA,,false\n")
        #expect(table.invariantViolations.isEmpty)
        #expect(table.rowCount == 3)
    }
}
