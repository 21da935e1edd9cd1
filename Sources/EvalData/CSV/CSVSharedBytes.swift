/// The input bytes as the parallel parse jobs share them: a read-only pointer to memory
/// that outlives every job.
///
/// `UnsafePointer` is not `Sendable`, since nothing in its type stops one thread freeing
/// or writing the memory while another reads it. Neither can happen during a parse:
/// jobs only read, nothing writes the input while it is parsed (`CSVFileBytes` maps it
/// read-only or owns it; `CSVReader.parse(bytes:)` callers keep their buffer alive and
/// unchanged for the call, as for any buffer pointer), and every job has finished before
/// `CSVReader` returns and the bytes may be released.
struct CSVSharedBytes: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
}
