/// The type a column has within one chunk while it is being read.
enum CSVSlotType: UInt8, Sendable {
    /// Only missing values so far: fits every type.
    case unknown
    case number
    case bool
    case string

    init(_ type: ColumnType) {
        switch type {
        case .number: self = .number
        case .bool: self = .bool
        case .string: self = .string
        }
    }

    /// The least type that holds values of both: unknown is the identity, any clash is string.
    func joined(with other: CSVSlotType) -> CSVSlotType {
        if self == other || other == .unknown { return self }
        if self == .unknown { return other }
        return .string
    }

    /// The column type a finished column gets; all-missing columns are numbers.
    var columnType: ColumnType {
        switch self {
        case .unknown, .number: .number
        case .bool: .bool
        case .string: .string
        }
    }
}
