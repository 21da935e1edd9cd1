/// The header row: names as written (unescaped) and where the data starts.
struct CSVHeader {
    var names: [String]
    /// 1-based physical line of the header.
    var line: Int
    /// Byte offset of the first data row.
    var dataStart: Int

    /// Reads the header at the first non-blank line after `from`.
    ///
    /// Names are kept exactly as written (no trimming); an empty, duplicate or
    /// non-UTF-8 name is an error that names its field.
    static func read(_ base: UnsafePointer<UInt8>, from: Int, end: Int, delimiter: UInt8) -> Result<
        CSVHeader, CSVScanError
    > {
        let scanner = CSVFieldScanner(base: base, end: end, delimiter: delimiter)
        var pos = from
        var line = 1
        while pos < end, let skip = scanner.blankLineLength(at: pos) {
            pos += skip
            line += 1
        }
        guard pos < end else { return .failure(CSVScanError(offset: 0, field: nil, kind: .emptyFile)) }
        var names: [String] = []
        var seen = Set<String>()
        while true {
            let fieldOffset = pos
            var start = 0, stop = 0, escaped = false
            if let kind = scanner.scan(&pos, start: &start, stop: &stop, escaped: &escaped) {
                return .failure(CSVScanError(offset: fieldOffset, field: names.count, kind: kind))
            }
            var bytes = Array(UnsafeBufferPointer(start: base + start, count: stop - start))
            if escaped { bytes = unescaped(bytes) }
            let valid = bytes.withUnsafeBufferPointer { b in
                b.baseAddress.map { CSVTokens.isValidUTF8($0, count: b.count) } ?? true
            }
            guard valid else {
                return .failure(CSVScanError(offset: fieldOffset, field: names.count, kind: .invalidUTF8))
            }
            let name = String(decoding: bytes, as: UTF8.self)
            guard !name.isEmpty else {
                return .failure(CSVScanError(offset: fieldOffset, field: names.count, kind: .emptyHeader))
            }
            guard seen.insert(name).inserted else {
                return .failure(CSVScanError(offset: fieldOffset, field: names.count, kind: .duplicateHeader(name)))
            }
            names.append(name)
            if pos < end, base[pos] == delimiter {
                pos += 1
                continue
            }
            if pos < end { pos += 1 }
            break
        }
        return .success(CSVHeader(names: names, line: line, dataStart: pos))
    }

    private static func unescaped(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            out.append(bytes[i])
            i += bytes[i] == CSVFieldScanner.quote ? 2 : 1
        }
        return out
    }
}
