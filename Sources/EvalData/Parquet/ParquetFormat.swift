/// The enumerations of Parquet's format (parquet.thrift), by their numbers in the file.
///
/// Each keeps the number a file writes, so a number no case knows can be reported as it
/// is ("encoding 12"); `name` is the spelling of parquet.thrift, which tools print too.
enum ParquetPhysicalType: Int32, Sendable {
    case boolean = 0, int32 = 1, int64 = 2, int96 = 3, float = 4, double = 5, byteArray = 6, fixedLenByteArray = 7

    var name: String {
        switch self {
        case .boolean: "BOOLEAN"
        case .int32: "INT32"
        case .int64: "INT64"
        case .int96: "INT96"
        case .float: "FLOAT"
        case .double: "DOUBLE"
        case .byteArray: "BYTE_ARRAY"
        case .fixedLenByteArray: "FIXED_LEN_BYTE_ARRAY"
        }
    }
}

/// How a page's values (or levels) are encoded.
enum ParquetEncoding: Int32, Sendable {
    case plain = 0, plainDictionary = 2, rle = 3, bitPacked = 4, deltaBinaryPacked = 5
    case deltaLengthByteArray = 6, deltaByteArray = 7, rleDictionary = 8, byteStreamSplit = 9

    var name: String {
        switch self {
        case .plain: "PLAIN"
        case .plainDictionary: "PLAIN_DICTIONARY"
        case .rle: "RLE"
        case .bitPacked: "BIT_PACKED"
        case .deltaBinaryPacked: "DELTA_BINARY_PACKED"
        case .deltaLengthByteArray: "DELTA_LENGTH_BYTE_ARRAY"
        case .deltaByteArray: "DELTA_BYTE_ARRAY"
        case .rleDictionary: "RLE_DICTIONARY"
        case .byteStreamSplit: "BYTE_STREAM_SPLIT"
        }
    }

    /// The name of encoding number `raw`, known or not.
    static func name(_ raw: Int32) -> String {
        ParquetEncoding(rawValue: raw)?.name ?? "encoding \(raw)"
    }
}

/// A column chunk's compression, and the codec that undoes it.
enum ParquetCompression: Int32, Sendable {
    case uncompressed = 0, snappy = 1, gzip = 2, lzo = 3, brotli = 4, lz4 = 5, zstd = 6, lz4Raw = 7

    var name: String {
        switch self {
        case .uncompressed: "UNCOMPRESSED"
        case .snappy: "SNAPPY"
        case .gzip: "GZIP"
        case .lzo: "LZO"
        case .brotli: "BROTLI"
        case .lz4: "LZ4"
        case .zstd: "ZSTD"
        case .lz4Raw: "LZ4_RAW"
        }
    }

    /// The codec for pages; `nil` for uncompressed pages and for LZO, which Debian's
    /// libraries do not read (no writer in use produces it).
    var codec: Codec? {
        switch self {
        case .uncompressed, .lzo: nil
        case .snappy: .snappy
        case .gzip: .gzip
        case .brotli: .brotli
        case .lz4: .lz4Hadoop
        case .zstd: .zstd
        case .lz4Raw: .lz4Raw
        }
    }
}

/// Whether a schema field may be absent or repeat.
enum ParquetRepetition: Int32, Sendable {
    case required = 0, optional = 1, repeated = 2
}

/// The kind of a page, from its header.
enum ParquetPageType: Int32, Sendable {
    case dataPage = 0, indexPage = 1, dictionaryPage = 2, dataPageV2 = 3
}

/// The older annotations (`converted_type`) that writers still set beside logical types.
enum ParquetConvertedType: Int32, Sendable {
    case utf8 = 0, map = 1, mapKeyValue = 2, list = 3, enumeration = 4, decimal = 5, date = 6
    case timeMillis = 7, timeMicros = 8, timestampMillis = 9, timestampMicros = 10
    case uint8 = 11, uint16 = 12, uint32 = 13, uint64 = 14, int8 = 15, int16 = 16, int32 = 17, int64 = 18
    case json = 19, bson = 20, interval = 21
}

/// The unit of a time or timestamp.
enum ParquetTimeUnit: Sendable, Equatable {
    case millis, micros, nanos

    /// k where the unit is 10^-k seconds.
    var powerOfTen: Int {
        switch self {
        case .millis: 3
        case .micros: 6
        case .nanos: 9
        }
    }
}

/// A logical type annotation (`LogicalType`, the union in parquet.thrift).
enum ParquetLogicalType: Sendable, Equatable {
    case string, map, list, enumeration, decimal(scale: Int32, precision: Int32), date
    case time(utc: Bool, unit: ParquetTimeUnit), timestamp(utc: Bool, unit: ParquetTimeUnit)
    case integer(bitWidth: Int8, signed: Bool)
    /// Always null (pyarrow's null type).
    case unknown
    case json, bson, uuid, float16
    /// A union member this reader does not know (interval, variant, geometry…), by its field id.
    case other(Int16)
}
