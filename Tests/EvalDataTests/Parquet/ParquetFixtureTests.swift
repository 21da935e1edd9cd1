import EvalData
import Testing

/// Every fixture file reads with the values pyarrow reads from it, value by value.
@Suite("Parquet fixtures")
struct ParquetFixtureTests {
    static let fixtures = ParquetFixture.all()

    @Test("the fixture index lists the files")
    func indexIsThere() {
        #expect(Self.fixtures.count >= 30)
    }

    @Test("every flat column reads with the expected values", arguments: fixtures)
    func values(_ fixture: ParquetFixture) throws {
        let read = try ParquetReader.read(path: fixture.path, options: ParquetOptions(columns: fixture.flatNames))
        let table = read.table
        #expect(table.names == fixture.flatNames)
        #expect(table.columnCount == 0 || table.rowCount == fixture.rows)
        for expected in fixture.columns where !expected.nested {
            guard let column = table.column(named: expected.name) else {
                Issue.record("\(fixture.name): no column \(expected.name)")
                continue
            }
            guard let values = expected.expectedValues() else {
                Issue.record("\(fixture.name): column \(expected.name) of kind \(expected.kind) has no expectation")
                continue
            }
            #expect(values.count == column.count, "\(fixture.name).\(expected.name)")
            #expect(column.invariantViolations.isEmpty, "\(fixture.name).\(expected.name)")
            var wrong = 0
            for (row, value) in values.enumerated() where row < column.count && !value.matches(column[row]) {
                wrong += 1
                if wrong <= 3 {
                    Issue.record("\(fixture.name).\(expected.name)[\(row)]: expected \(value), read \(column[row])")
                }
            }
            #expect(wrong == 0, "\(fixture.name).\(expected.name): \(wrong) values differ")
        }
    }

    @Test("the table is the same on one thread and on four", arguments: fixtures)
    func threadCountDoesNotMatter(_ fixture: ParquetFixture) throws {
        let one = try ParquetReader.read(
            path: fixture.path, options: ParquetOptions(columns: fixture.flatNames, threads: 1))
        let four = try ParquetReader.read(
            path: fixture.path, options: ParquetOptions(columns: fixture.flatNames, threads: 4))
        #expect(ParquetTest.identical(one.table, four.table))
    }

    @Test(
        "a nested column is refused by name, and the others still load",
        arguments: fixtures.filter {
            $0.columns.contains(where: \.nested)
        })
    func nestedColumns(_ fixture: ParquetFixture) throws {
        for nested in fixture.columns where nested.nested {
            let error = #expect(throws: ParquetError.self) {
                try ParquetReader.read(path: fixture.path, options: ParquetOptions(columns: [nested.name]))
            }
            #expect(error?.column == nested.name)
            if case .nestedColumn(_, let flat)? = error?.kind {
                #expect(flat == fixture.flatNames)
            } else {
                Issue.record("\(nested.name): expected a nested-column error, got \(String(describing: error))")
            }
        }
        // Without `columns:`, the whole file is refused, naming the first nested column.
        let whole = #expect(throws: ParquetError.self) { try ParquetReader.read(path: fixture.path) }
        #expect(whole?.column == fixture.columns.first(where: \.nested)?.name)
    }
}
