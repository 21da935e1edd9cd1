/// A page's header (`PageHeader`): its kind, sizes, and the header of its kind.
///
/// The sizes are what the file claims; `ParquetChunkPages` checks them against the
/// bytes that are there before anything is allocated or decompressed.
struct ParquetPageHeader: Sendable {
    /// The `DataPageHeader` of a version 1 data page.
    struct DataV1: Sendable {
        var valueCount: Int32
        var encoding: Int32
        var definitionEncoding: Int32
    }

    /// The `DataPageHeaderV2` of a version 2 data page: levels first, uncompressed.
    struct DataV2: Sendable {
        var valueCount: Int32
        var nullCount: Int32
        var rowCount: Int32
        var encoding: Int32
        var definitionBytes: Int32
        var repetitionBytes: Int32
        var isCompressed: Bool
    }

    /// The `DictionaryPageHeader`.
    struct Dictionary: Sendable {
        var valueCount: Int32
        var encoding: Int32
    }

    var type: Int32
    var uncompressedSize: Int32
    var compressedSize: Int32
    var dataV1: DataV1?
    var dataV2: DataV2?
    var dictionary: Dictionary?

    /// Decodes a header at the start of `bytes`; returns it and its length in bytes.
    ///
    /// - Complexity: O(header bytes).
    static func decode(_ bytes: UnsafeRawBufferPointer) throws(ThriftError) -> (ParquetPageHeader, Int) {
        var r = ThriftCompactReader(bytes)
        var type: Int32?
        var uncompressed: Int32?
        var compressed: Int32?
        var header = ParquetPageHeader(type: 0, uncompressedSize: 0, compressedSize: 0)
        try r.structure { (r, field) throws(ThriftError) in
            switch (field.id, field.type) {
            case (1, .i32): type = try r.i32()
            case (2, .i32): uncompressed = try r.i32()
            case (3, .i32): compressed = try r.i32()
            case (5, .structure): header.dataV1 = try dataV1(&r)
            case (7, .structure): header.dictionary = try dictionary(&r)
            case (8, .structure): header.dataV2 = try dataV2(&r)
            default: return false
            }
            return true
        }
        guard let type else { throw .missingField(structure: "PageHeader", field: "type") }
        guard let uncompressed else {
            throw .missingField(structure: "PageHeader", field: "uncompressed_page_size")
        }
        guard let compressed else { throw .missingField(structure: "PageHeader", field: "compressed_page_size") }
        header.type = type
        header.uncompressedSize = uncompressed
        header.compressedSize = compressed
        return (header, r.position)
    }

    private static func dataV1(_ r: inout ThriftCompactReader) throws(ThriftError) -> DataV1 {
        var count: Int32?
        var encoding: Int32?
        var definition: Int32 = ParquetEncoding.rle.rawValue
        try r.structure { (r, field) throws(ThriftError) in
            switch (field.id, field.type) {
            case (1, .i32): count = try r.i32()
            case (2, .i32): encoding = try r.i32()
            case (3, .i32): definition = try r.i32()
            default: return false
            }
            return true
        }
        guard let count else { throw .missingField(structure: "DataPageHeader", field: "num_values") }
        guard let encoding else { throw .missingField(structure: "DataPageHeader", field: "encoding") }
        return DataV1(valueCount: count, encoding: encoding, definitionEncoding: definition)
    }

    private static func dataV2(_ r: inout ThriftCompactReader) throws(ThriftError) -> DataV2 {
        var count: Int32?
        var nulls: Int32?
        var rows: Int32?
        var encoding: Int32?
        var definitionBytes: Int32?
        var repetitionBytes: Int32?
        var isCompressed = true
        try r.structure { (r, field) throws(ThriftError) in
            switch (field.id, field.type) {
            case (1, .i32): count = try r.i32()
            case (2, .i32): nulls = try r.i32()
            case (3, .i32): rows = try r.i32()
            case (4, .i32): encoding = try r.i32()
            case (5, .i32): definitionBytes = try r.i32()
            case (6, .i32): repetitionBytes = try r.i32()
            case (7, .boolTrue), (7, .boolFalse): isCompressed = r.bool(field)
            default: return false
            }
            return true
        }
        func missing(_ name: String) -> ThriftError { .missingField(structure: "DataPageHeaderV2", field: name) }
        guard let count else { throw missing("num_values") }
        guard let nulls else { throw missing("num_nulls") }
        guard let rows else { throw missing("num_rows") }
        guard let encoding else { throw missing("encoding") }
        guard let definitionBytes else { throw missing("definition_levels_byte_length") }
        guard let repetitionBytes else { throw missing("repetition_levels_byte_length") }
        return DataV2(
            valueCount: count, nullCount: nulls, rowCount: rows, encoding: encoding,
            definitionBytes: definitionBytes, repetitionBytes: repetitionBytes, isCompressed: isCompressed)
    }

    private static func dictionary(_ r: inout ThriftCompactReader) throws(ThriftError) -> Dictionary {
        var count: Int32?
        var encoding: Int32 = ParquetEncoding.plain.rawValue
        try r.structure { (r, field) throws(ThriftError) in
            switch (field.id, field.type) {
            case (1, .i32): count = try r.i32()
            case (2, .i32): encoding = try r.i32()
            default: return false
            }
            return true
        }
        guard let count else { throw .missingField(structure: "DictionaryPageHeader", field: "num_values") }
        return Dictionary(valueCount: count, encoding: encoding)
    }
}
