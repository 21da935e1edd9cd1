/// An error found while scanning bytes, before its byte offset is turned into a line.
///
/// Chunks are scanned in parallel and do not know their first line number; counting
/// newlines is deferred to the one error that gets reported.
struct CSVScanError: Error, Sendable, Equatable {
    /// Byte offset (into the whole buffer) of the row or field the error is about.
    var offset: Int
    /// 0-based field index in the header, or `nil` for row-level errors.
    var field: Int?
    var kind: CSVError.Kind

    /// Resolves the offset to a physical line and names the field from the header.
    func located(in bytes: UnsafeRawBufferPointer, file: String, header: [String]) -> CSVError {
        var newlines = 0
        let end = min(max(offset, 0), bytes.count)
        if let base = bytes.baseAddress {
            newlines = CSVRowCounter.countNewlines(base.assumingMemoryBound(to: UInt8.self), from: 0, to: end)
        }
        let name = field.flatMap { $0 < header.count ? header[$0] : nil }
        return CSVError(file: file, line: newlines + 1, field: field.map { $0 + 1 }, fieldName: name, kind: kind)
    }
}
