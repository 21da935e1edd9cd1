#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a file's first bytes say it is, so a reader can say what it was given instead.
///
/// Recognised by magic numbers (Parquet, the compressions, archives, other columnar
/// formats); anything else is text when its first bytes are printable UTF-8, and
/// binary otherwise. `load(path)` uses it to pick a reader, and `read_parquet` to
/// explain a file that is not Parquet.
package enum DataFileFormat: String, Sendable, Equatable, CaseIterable {
    case parquet, text, json, gzip, zstd, bzip2, xz, zip, arrow, avro, orc, sqlite, pdf, empty, binary

    /// How many leading bytes `sniff` looks at.
    package static let prefixLength = 512

    /// The format the bytes at the start of a file suggest.
    ///
    /// - Complexity: O(min(`prefix.count`, `prefixLength`)).
    package static func sniff(_ prefix: [UInt8]) -> DataFileFormat {
        let bytes = Array(prefix.prefix(prefixLength))
        func starts(_ magic: [UInt8]) -> Bool { bytes.starts(with: magic) }
        if bytes.isEmpty { return .empty }
        if starts(Array("PAR1".utf8)) { return .parquet }
        if starts([0x1F, 0x8B]) { return .gzip }
        if starts([0x28, 0xB5, 0x2F, 0xFD]) { return .zstd }
        if starts(Array("BZh".utf8)) { return .bzip2 }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return .zip }
        if starts(Array("ARROW1".utf8)) { return .arrow }
        if starts(Array("Obj".utf8) + [0x01]) { return .avro }
        if starts(Array("ORC".utf8)) { return .orc }
        if starts(Array("SQLite format 3".utf8)) { return .sqlite }
        if starts(Array("%PDF".utf8)) { return .pdf }
        guard isText(bytes) else { return .binary }
        let first = bytes.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[") ? .json : .text
    }

    /// The format of the file at `path`, from its first bytes; the OS's reason when it cannot be read.
    package static func sniff(path: String) -> Result<DataFileFormat, DataFileError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.cannotRead(file: path, reason: reason())) }
        defer { close(fd) }
        var prefix = [UInt8](repeating: 0, count: prefixLength)
        var filled = 0
        while filled < prefixLength {
            let n = prefix.withUnsafeMutableBytes {
                read(fd, $0.baseAddress.map { $0 + filled }, prefixLength - filled)
            }
            if n > 0 {
                filled += n
            } else if n == 0 {
                break
            } else if errno != EINTR {
                return .failure(.cannotRead(file: path, reason: reason()))
            }
        }
        return .success(sniff(Array(prefix[0..<filled])))
    }

    private static func reason() -> String {
        guard let text = strerror(errno) else { return "error \(errno)" }
        return String(cString: text)
    }

    /// Printable UTF-8 and whitespace only (a sequence cut by the prefix's end is allowed).
    private static func isText(_ bytes: [UInt8]) -> Bool {
        if bytes.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) { return false }
        var end = bytes.count
        // Drop a multi-byte sequence that the prefix cut short.
        var back = 0
        while back < 3, end - back - 1 >= 0, bytes[end - back - 1] & 0xC0 == 0x80 { back += 1 }
        if end - back - 1 >= 0, bytes[end - back - 1] >= 0xC0 { end -= back + 1 }
        return String(validating: bytes[0..<end], as: UTF8.self) != nil
    }

    /// The format in words, after "it looks like".
    package var phrase: String {
        switch self {
        case .parquet: "a Parquet file"
        case .text: "text (CSV?)"
        case .json: "JSON"
        case .gzip: "a gzip-compressed file"
        case .zstd: "a zstd-compressed file"
        case .bzip2: "a bzip2-compressed file"
        case .xz: "an xz-compressed file"
        case .zip: "a ZIP archive (or an Excel workbook)"
        case .arrow: "an Arrow IPC (Feather) file"
        case .avro: "an Avro file"
        case .orc: "an ORC file"
        case .sqlite: "an SQLite database"
        case .pdf: "a PDF document"
        case .empty: "an empty file"
        case .binary: "binary data of no format Evalbook knows"
        }
    }

    /// The builtin that reads this format, if there is one.
    package var reader: String? {
        switch self {
        case .parquet: "read_parquet"
        case .text: "read_csv"
        default: nil
        }
    }
}
