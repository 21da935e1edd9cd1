/// Finds and decodes a Parquet file's footer.
///
/// A file is `PAR1`, the column chunks, the footer's metadata, its length (4 bytes,
/// little-endian), and `PAR1` again. A file that does not start so is described by
/// what its first bytes look like; one that starts so but does not end so was cut
/// short; `PARE` at the end is an encrypted footer.
enum ParquetFooter {
    /// The file's metadata, and where its column data ends (the metadata's first byte).
    static func read(_ file: ParquetFile) throws(ParquetError.Kind) -> (ParquetMetadata, dataEnd: Int) {
        let head = try bytes(file, offset: 0, count: min(file.size, DataFileFormat.prefixLength))
        guard head.starts(with: magic) else { throw .notParquet(looksLike: DataFileFormat.sniff(head)) }
        guard file.size >= 12 else { throw .noFooter }
        let tail = try bytes(file, offset: file.size - 8, count: 8)
        if tail[4..<8].elementsEqual(Array("PARE".utf8)) { throw .encrypted }
        guard tail[4..<8].elementsEqual(magic) else { throw .noFooter }
        let length = (0..<4).reduce(0) { $0 | Int(tail[$1]) << (8 * $1) }
        guard length <= file.size - 12 else { throw .badFooterLength(length: length, fileSize: file.size) }
        let start = file.size - 8 - length
        let footer = try bytes(file, offset: start, count: length)
        do throws(ThriftError) {
            let metadata = try footer.withUnsafeBytesTyped { (raw) throws(ThriftError) in
                try ParquetMetadata.decode(raw)
            }
            return (metadata, start)
        } catch {
            throw .badMetadata(error)
        }
    }

    private static let magic = Array("PAR1".utf8)

    private static func bytes(_ file: ParquetFile, offset: Int, count: Int) throws(ParquetError.Kind) -> [UInt8] {
        switch file.read(offset: offset, count: count) {
        case .success(let bytes): return bytes
        case .failure(let kind): throw kind
        }
    }
}
