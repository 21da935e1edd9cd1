import EvalData
import Foundation
import Testing

/// Types the writer-default fixtures leave out (scripts/reference/parquet_extra_fixtures.py).
@Suite("Parquet: half floats, UUIDs, times, wide decimals, large and view strings")
struct ParquetExtraTypesTests {
    static var path: String {
        Bundle.module.resourceURL?.appendingPathComponent("Fixtures/parquet_extra/types_extra.parquet").path ?? ""
    }

    @Test("each reads as pyarrow reads it, in Evalbook's units")
    func values() throws {
        let table = try ParquetTest.read(Self.path).get().table
        func column(_ name: String) throws -> Column { try #require(table.column(named: name)) }
        let h = try column("h")
        #expect(h.numbers?[0...3] == [1.5, -2.25, 65_504, 6.097555160522461e-05])
        #expect(h.numbers?[4].isNaN == true && !h.isMissing(4), "a stored NaN is a NaN, not a missing value")
        #expect(try column("u").strings?[1] == "00000000-0000-0000-002b-dc545d6b4b87")
        // Times of day are seconds since midnight.
        #expect(try column("t32").numbers?[0] == 3_723.456)
        #expect(try column("t32").isMissing(5))
        #expect(try column("t64").numbers?[0] == 86_399.999999)
        let wide = try #require(try column("d256").numbers)
        #expect(abs(wide[0] - 1.2345678901234568e+39) <= 2 * wide[0].ulp)
        #expect(wide[1] == -0.01)
        #expect(try column("lstr").strings == ["x", "y", nil, "z", "", nil])
        #expect(try column("view").strings == ["a", "b", "c", "d", "e", "f"])
    }
}
