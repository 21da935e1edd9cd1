/// A Parquet file's footer (`FileMetaData`): the schema and where every column chunk is.
///
/// Only the fields the reader uses are kept; enumerations stay as the numbers the file
/// wrote until `ParquetSchema` interprets them, so an unknown number can be named.
struct ParquetMetadata: Sendable {
    /// One node of the schema tree, flattened depth first as the file stores it.
    struct SchemaElement: Sendable {
        var name: String
        var type: Int32?
        var typeLength: Int32?
        var repetition: Int32?
        var childCount: Int32?
        var convertedType: Int32?
        var scale: Int32?
        var precision: Int32?
        var logicalType: ParquetLogicalType?
    }

    /// Where one column's values for one row group are, and how they are stored.
    struct ColumnChunk: Sendable {
        /// Set when the chunk lives in another file, which Evalbook does not follow.
        var filePath: String?
        var type: Int32
        var path: [String]
        var codec: Int32
        var valueCount: Int64
        var compressedSize: Int64
        var dataPageOffset: Int64
        var dictionaryPageOffset: Int64?
    }

    struct RowGroup: Sendable {
        var columns: [ColumnChunk]
        var rowCount: Int64
    }

    var schema: [SchemaElement]
    var rowCount: Int64
    var rowGroups: [RowGroup]
    var createdBy: String?
}

extension ParquetMetadata {
    /// Decodes the footer's Thrift bytes.
    ///
    /// - Complexity: O(bytes); see `ThriftCompactReader` for the bounds.
    static func decode(_ bytes: UnsafeRawBufferPointer) throws(ThriftError) -> ParquetMetadata {
        var r = ThriftCompactReader(bytes)
        var schema: [SchemaElement]?
        var rowCount: Int64?
        var rowGroups: [RowGroup]?
        var createdBy: String?
        try r.structure { (r, field) throws(ThriftError) in
            switch (field.id, field.type) {
            case (2, .list):
                var elements: [SchemaElement] = []
                try r.list { (r, type) throws(ThriftError) in
                    guard type == .structure else { return try r.skip(type, inList: true) }
                    elements.append(try schemaElement(&r))
                }
                schema = elements
            case (3, .i64): rowCount = try r.i64()
            case (4, .list):
                var groups: [RowGroup] = []
                try r.list { (r, type) throws(ThriftError) in
                    guard type == .structure else { return try r.skip(type, inList: true) }
                    groups.append(try rowGroup(&r))
                }
                rowGroups = groups
            case (6, .binary): createdBy = String(validating: try r.binary(), as: UTF8.self)
            default: return false
            }
            return true
        }
        guard let schema else { throw .missingField(structure: "FileMetaData", field: "schema") }
        guard let rowCount else { throw .missingField(structure: "FileMetaData", field: "num_rows") }
        guard let rowGroups else { throw .missingField(structure: "FileMetaData", field: "row_groups") }
        return ParquetMetadata(schema: schema, rowCount: rowCount, rowGroups: rowGroups, createdBy: createdBy)
    }

    private static func schemaElement(_ r: inout ThriftCompactReader) throws(ThriftError) -> SchemaElement {
        var e = SchemaElement(name: "")
        var named = false
        try r.structure { (r, field) throws(ThriftError) in
            switch (field.id, field.type) {
            case (1, .i32): e.type = try r.i32()
            case (2, .i32): e.typeLength = try r.i32()
            case (3, .i32): e.repetition = try r.i32()
            case (4, .binary):
                e.name = try r.string()
                named = true
            case (5, .i32): e.childCount = try r.i32()
            case (6, .i32): e.convertedType = try r.i32()
            case (7, .i32): e.scale = try r.i32()
            case (8, .i32): e.precision = try r.i32()
            case (10, .structure): e.logicalType = try logicalType(&r)
            default: return false
            }
            return true
        }
        guard named else { throw .missingField(structure: "SchemaElement", field: "name") }
        return e
    }

    /// The union `LogicalType`: exactly one member is set; its own fields follow.
    private static func logicalType(_ r: inout ThriftCompactReader) throws(ThriftError) -> ParquetLogicalType? {
        var result: ParquetLogicalType?
        try r.structure { (r, field) throws(ThriftError) in
            guard field.type == .structure else { return false }
            switch field.id {
            case 1: result = .string
            case 2: result = .map
            case 3: result = .list
            case 4: result = .enumeration
            case 5: result = try decimal(&r)
            case 6: result = .date
            case 7, 8:
                let (utc, unit) = try timeFields(&r)
                guard let unit else {
                    result = .other(field.id)
                    return true
                }
                result = field.id == 7 ? .time(utc: utc, unit: unit) : .timestamp(utc: utc, unit: unit)
                return true
            case 10: result = try integer(&r)
            case 11: result = .unknown
            case 12: result = .json
            case 13: result = .bson
            case 14: result = .uuid
            case 15: result = .float16
            default:
                result = .other(field.id)
                return false
            }
            // Members without fields of their own are empty structures, still to be read.
            if field.id != 5, field.id != 10 { try r.structure { _, _ in false } }
            return true
        }
        return result
    }

    private static func decimal(_ r: inout ThriftCompactReader) throws(ThriftError) -> ParquetLogicalType {
        var scale: Int32 = 0
        var precision: Int32 = 0
        try r.structure { (r, field) throws(ThriftError) in
            switch (field.id, field.type) {
            case (1, .i32): scale = try r.i32()
            case (2, .i32): precision = try r.i32()
            default: return false
            }
            return true
        }
        return .decimal(scale: scale, precision: precision)
    }

    private static func timeFields(_ r: inout ThriftCompactReader) throws(ThriftError) -> (Bool, ParquetTimeUnit?) {
        var utc = false
        var unit: ParquetTimeUnit?
        try r.structure { (r, field) throws(ThriftError) in
            switch (field.id, field.type) {
            case (1, .boolTrue), (1, .boolFalse): utc = r.bool(field)
            case (2, .structure):
                try r.structure { (r, member) throws(ThriftError) in
                    switch member.id {
                    case 1: unit = .millis
                    case 2: unit = .micros
                    case 3: unit = .nanos
                    default: break
                    }
                    return false
                }
            default: return false
            }
            return true
        }
        return (utc, unit)
    }

    private static func integer(_ r: inout ThriftCompactReader) throws(ThriftError) -> ParquetLogicalType {
        var width: Int8 = 0
        var signed = true
        try r.structure { (r, field) throws(ThriftError) in
            switch (field.id, field.type) {
            case (1, .byte): width = try r.i8()
            case (2, .boolTrue), (2, .boolFalse): signed = r.bool(field)
            default: return false
            }
            return true
        }
        return .integer(bitWidth: width, signed: signed)
    }

    private static func rowGroup(_ r: inout ThriftCompactReader) throws(ThriftError) -> RowGroup {
        var columns: [ColumnChunk]?
        var rowCount: Int64?
        try r.structure { (r, field) throws(ThriftError) in
            switch (field.id, field.type) {
            case (1, .list):
                var chunks: [ColumnChunk] = []
                try r.list { (r, type) throws(ThriftError) in
                    guard type == .structure else { return try r.skip(type, inList: true) }
                    chunks.append(try columnChunk(&r))
                }
                columns = chunks
            case (3, .i64): rowCount = try r.i64()
            default: return false
            }
            return true
        }
        guard let columns else { throw .missingField(structure: "RowGroup", field: "columns") }
        guard let rowCount else { throw .missingField(structure: "RowGroup", field: "num_rows") }
        return RowGroup(columns: columns, rowCount: rowCount)
    }

    private static func columnChunk(_ r: inout ThriftCompactReader) throws(ThriftError) -> ColumnChunk {
        var filePath: String?
        var chunk: ColumnChunk?
        try r.structure { (r, field) throws(ThriftError) in
            switch (field.id, field.type) {
            case (1, .binary): filePath = try r.string()
            case (3, .structure): chunk = try columnMetadata(&r)
            default: return false
            }
            return true
        }
        // Encrypted columns keep their metadata elsewhere; they are reported as missing it.
        guard var chunk else { throw .missingField(structure: "ColumnChunk", field: "meta_data") }
        chunk.filePath = filePath
        return chunk
    }

    private static func columnMetadata(_ r: inout ThriftCompactReader) throws(ThriftError) -> ColumnChunk {
        var type: Int32?
        var path: [String]?
        var codec: Int32?
        var valueCount: Int64?
        var compressedSize: Int64?
        var dataPageOffset: Int64?
        var dictionaryPageOffset: Int64?
        try r.structure { (r, field) throws(ThriftError) in
            switch (field.id, field.type) {
            case (1, .i32): type = try r.i32()
            case (3, .list): path = try r.stringList()
            case (4, .i32): codec = try r.i32()
            case (5, .i64): valueCount = try r.i64()
            case (7, .i64): compressedSize = try r.i64()
            case (9, .i64): dataPageOffset = try r.i64()
            case (11, .i64): dictionaryPageOffset = try r.i64()
            default: return false
            }
            return true
        }
        func missing(_ name: String) -> ThriftError { .missingField(structure: "ColumnMetaData", field: name) }
        guard let type else { throw missing("type") }
        guard let path else { throw missing("path_in_schema") }
        guard let codec else { throw missing("codec") }
        guard let valueCount else { throw missing("num_values") }
        guard let compressedSize else { throw missing("total_compressed_size") }
        guard let dataPageOffset else { throw missing("data_page_offset") }
        return ColumnChunk(
            filePath: nil, type: type, path: path, codec: codec, valueCount: valueCount,
            compressedSize: compressedSize, dataPageOffset: dataPageOffset, dictionaryPageOffset: dictionaryPageOffset)
    }
}
