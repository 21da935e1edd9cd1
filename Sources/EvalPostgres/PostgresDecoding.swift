import EvalData
import EvalSQL
import Foundation
import PostgresNIO

/// Rows of a reply as typed columns: every integer and floating type (and numeric) as
/// numbers, booleans as bools, text types as strings; any other type is refused, so a
/// value is never guessed.
enum PostgresDecoding {
    static func table(_ rows: PostgresRowSequence) async throws -> Table {
        let columns = Array(rows.columns)
        var builders = columns.map { Builder(type: columnType(of: $0.dataType)) }
        for column in columns where !isSupported(column.dataType) {
            throw SQLError.unsupportedType(
                column: column.name, engineType: column.dataType.knownSQLName?.lowercased() ?? "unknown")
        }
        for try await row in rows {
            var index = 0
            for cell in row {
                guard index < builders.count else { break }
                try builders[index].append(cell)
                index += 1
            }
        }
        do {
            return try Table(names: columns.map(\.name), columns: builders.map { $0.column() })
        } catch {
            throw SQLError.badReply(
                reason: "the reply's columns differ in length", underlying: SQLError.Underlying(error))
        }
    }

    static func isSupported(_ type: PostgresDataType) -> Bool {
        numberTypes.contains(type) || type == .bool || textTypes.contains(type)
    }

    static let numberTypes: [PostgresDataType] = [.int2, .int4, .int8, .float4, .float8, .numeric]
    static let textTypes: [PostgresDataType] = [.text, .varchar, .bpchar, .name, .char]

    static func columnType(of type: PostgresDataType) -> ColumnType {
        if numberTypes.contains(type) { return .number }
        if type == .bool { return .bool }
        return .string
    }

    /// The language type of a column the catalog names `name` (`double precision`, `text`…).
    static func columnType(named name: String) -> ColumnType {
        switch name.lowercased() {
        case "smallint", "integer", "bigint", "real", "double precision", "numeric", "decimal": .number
        case "boolean": .bool
        default: .string
        }
    }

    /// One column's values as they arrive.
    struct Builder {
        let type: ColumnType
        var numbers: [Double] = []
        var bools: [Bool] = []
        var strings: [String?] = []
        var missing: [Bool] = []
        var anyMissing = false

        init(type: ColumnType) {
            self.type = type
        }

        mutating func append(_ cell: PostgresCell) throws {
            let isNull = cell.bytes == nil
            missing.append(isNull)
            anyMissing = anyMissing || isNull
            switch type {
            case .number:
                numbers.append(isNull ? .nan : try Self.number(cell))
            case .bool:
                bools.append(isNull ? false : try cell.decode(Bool.self))
            case .string:
                strings.append(isNull ? nil : try cell.decode(String.self))
            }
        }

        static func number(_ cell: PostgresCell) throws -> Double {
            switch cell.dataType {
            case .float8: return try cell.decode(Double.self)
            case .float4: return Double(try cell.decode(Float.self))
            case .int2, .int4, .int8: return Double(try cell.decode(Int64.self))
            default:
                let decimal = try cell.decode(Decimal.self)
                return Double(decimal.description) ?? .nan
            }
        }

        func column() -> Column {
            switch type {
            case .number: Column(numbers: numbers, missing: anyMissing ? missing : nil)
            case .bool: Column(bools: bools, missing: anyMissing ? missing : nil)
            case .string: Column(strings: strings)
            }
        }
    }
}
