/// How one flat Parquet column becomes an Evalbook column: which values it holds and
/// how each stored value converts.
///
/// - Booleans are bools.
/// - Integers of every width, signed or not, floats, doubles and half floats are
///   numbers; 64-bit integers beyond ±2^53 round to the nearest double.
/// - Decimals are numbers: the unscaled integer divided by 10^scale.
/// - Timestamps (ms, µs, ns, INT96, with or without UTC) are seconds since the Unix
///   epoch; a timestamp without UTC is its wall-clock time read as if in UTC.
/// - Dates are seconds since the epoch too (midnight UTC of the day), so dates and
///   timestamps compare and subtract in one unit; times of day are seconds since midnight.
/// - Strings, enums and JSON are strings. Binary (BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY
///   without a text annotation, BSON) is a string of lowercase hex, and a UUID a string
///   in its 8-4-4-4-12 form: every current writer marks text as STRING, so binary is
///   never guessed to be text.
/// - Intervals and logical types newer than this reader are refused with their name.
struct ParquetColumnPlan: Sendable {
    /// What the column's stored values become.
    enum Target: Sendable, Equatable {
        case bool
        case number(ParquetNumberSource)
        case string(ParquetTextForm)
    }

    var name: String
    /// The leaf's index among the row group's column chunks.
    var leaf: Int
    var physical: ParquetPhysicalType
    /// Bytes per value of FIXED_LEN_BYTE_ARRAY columns (0 for other types).
    var typeLength: Int
    var maxDefinition: Int
    var target: Target

    var columnType: ColumnType {
        switch target {
        case .bool: .bool
        case .number: .number
        case .string: .string
        }
    }

    /// The plan for a flat field's leaf; an unsupported type is an error naming it.
    init(name: String, leafIndex: Int, leaf: ParquetSchema.Leaf) throws(ParquetError.Kind) {
        let element = leaf.element
        guard let raw = element.type, let physical = ParquetPhysicalType(rawValue: raw) else {
            throw .unsupportedType("physical type \(element.type ?? -1)")
        }
        self.name = name
        self.leaf = leafIndex
        self.physical = physical
        self.maxDefinition = leaf.maxDefinition
        self.typeLength = 0
        if physical == .fixedLenByteArray {
            guard let length = element.typeLength, length > 0, length <= 1 << 20 else {
                throw .badSchema("`\(name)` is FIXED_LEN_BYTE_ARRAY without a valid length")
            }
            typeLength = Int(length)
        }
        target = try Self.target(physical: physical, typeLength: typeLength, element: element)
    }

    private static func target(
        physical: ParquetPhysicalType, typeLength: Int, element: ParquetMetadata.SchemaElement
    ) throws(ParquetError.Kind) -> Target {
        let converted = element.convertedType.flatMap(ParquetConvertedType.init(rawValue:))
        let logical = element.logicalType ?? legacyLogicalType(converted, element: element)
        switch logical {
        case .other(let id)?: throw .unsupportedType("logical type \(id) (newer than this reader)")
        case .map?, .list?: throw .badSchema("a primitive column is annotated as a list or map")
        default: break
        }
        if converted == .interval { throw .unsupportedType("INTERVAL") }
        switch physical {
        case .boolean:
            return .bool
        case .int32, .int64:
            let is64 = physical == .int64
            switch logical {
            case .decimal(let scale, _)?:
                return .number(is64 ? .int64(.decimal(scale: Int(scale))) : .int32(.decimal(scale: Int(scale))))
            case .date?:
                return .number(is64 ? .int64(.days) : .int32(.days))
            case .time(_, let unit)?, .timestamp(_, let unit)?:
                return .number(
                    is64
                        ? .int64(.perSecond(powerOfTen: unit.powerOfTen))
                        : .int32(.perSecond(powerOfTen: unit.powerOfTen)))
            case .integer(_, let signed)? where !signed:
                return .number(is64 ? .uint64 : .uint32)
            default:
                return .number(is64 ? .int64(.none) : .int32(.none))
            }
        case .int96:
            return .number(.int96)
        case .float:
            return .number(.float)
        case .double:
            return .number(.double)
        case .byteArray:
            switch logical {
            case .decimal(let scale, _)?: return .number(.binaryDecimal(scale: Int(scale)))
            case .string?, .enumeration?, .json?: return .string(.utf8)
            default: return .string(.hex)
            }
        case .fixedLenByteArray:
            switch logical {
            case .decimal(let scale, _)?: return .number(.fixedDecimal(scale: Int(scale)))
            case .float16? where typeLength == 2: return .number(.float16)
            case .uuid? where typeLength == 16: return .string(.uuid)
            case .string?, .enumeration?, .json?: return .string(.utf8)
            default: return .string(.hex)
            }
        }
    }

    /// The logical type an old `converted_type` stands for.
    private static func legacyLogicalType(
        _ converted: ParquetConvertedType?, element: ParquetMetadata.SchemaElement
    ) -> ParquetLogicalType? {
        switch converted {
        case .utf8?: .string
        case .enumeration?: .enumeration
        case .json?: .json
        case .bson?: .bson
        case .decimal?: .decimal(scale: element.scale ?? 0, precision: element.precision ?? 0)
        case .date?: .date
        case .timeMillis?: .time(utc: true, unit: .millis)
        case .timeMicros?: .time(utc: true, unit: .micros)
        case .timestampMillis?: .timestamp(utc: true, unit: .millis)
        case .timestampMicros?: .timestamp(utc: true, unit: .micros)
        case .uint8?: .integer(bitWidth: 8, signed: false)
        case .uint16?: .integer(bitWidth: 16, signed: false)
        case .uint32?: .integer(bitWidth: 32, signed: false)
        case .uint64?: .integer(bitWidth: 64, signed: false)
        case .int8?: .integer(bitWidth: 8, signed: true)
        case .int16?: .integer(bitWidth: 16, signed: true)
        case .int32?: .integer(bitWidth: 32, signed: true)
        case .int64?: .integer(bitWidth: 64, signed: true)
        case .map?: .map
        case .list?, .mapKeyValue?: nil
        case .interval?, nil: nil
        }
    }
}

/// How a string column's stored bytes read as text.
enum ParquetTextForm: Sendable, Equatable {
    /// UTF-8 text, checked.
    case utf8
    /// Binary, shown as lowercase hex (two digits a byte).
    case hex
    /// A UUID's 16 bytes as 8-4-4-4-12 lowercase hex.
    case uuid

    /// The text of one distinct value's bytes (already checked to be UTF-8 for `.utf8`).
    func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        switch self {
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .hex, .uuid:
            let digits = Array("0123456789abcdef".utf8)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count * 2 + 4)
            for (i, b) in bytes.enumerated() {
                if self == .uuid, i == 4 || i == 6 || i == 8 || i == 10 { out.append(UInt8(ascii: "-")) }
                out.append(digits[Int(b >> 4)])
                out.append(digits[Int(b & 15)])
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
