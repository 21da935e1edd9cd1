import EvalData
import Testing

@Suite("Table construction")
struct TableTests {
    static let a = Column(numbers: [1, 2, 3])
    static let b = Column(strings: ["x", nil, "y"])

    @Test("more names than columns is an error, not a silently shorter table")
    func moreNamesThanColumns() {
        #expect(throws: TableError.columnCountMismatch(names: 3, columns: 2)) {
            try Table(names: ["a", "b", "c"], columns: [Self.a, Self.b])
        }
    }

    @Test("more columns than names is an error, not a silently narrower table")
    func moreColumnsThanNames() {
        #expect(throws: TableError.columnCountMismatch(names: 1, columns: 2)) {
            try Table(names: ["a"], columns: [Self.a, Self.b])
        }
    }

    @Test("columns of unequal length, empty and duplicate names are errors")
    func inputErrors() throws {
        #expect(throws: TableError.lengthMismatch(name: "b", count: 2, expected: 3)) {
            try Table(names: ["a", "b"], columns: [Self.a, Column(numbers: [1, 2])])
        }
        #expect(throws: TableError.duplicateName("a")) { try Table(names: ["a", "a"], columns: [Self.a, Self.b]) }
        #expect(throws: TableError.emptyName) { try Table(names: [""], columns: [Self.a]) }
        var t = try Table(names: ["a", "b"], columns: [Self.a, Self.b])
        #expect(throws: TableError.lengthMismatch(name: "a", count: 1, expected: 3)) {
            try t.set(name: "a", column: Column(numbers: [1]))
        }
    }
}
