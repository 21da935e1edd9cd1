/// Where one chunk writes one column: typed pointers to the chunk's first row in the final buffers.
///
/// `@unchecked Sendable` because jobs on several threads write through copies of these
/// pointers, which the compiler cannot check. It is safe because within each parallel
/// phase a job reads and writes only its own chunk's rows (`CSVChunk.firstRow ..<
/// firstRow + rows`, disjoint by construction); `Parallel` joins a phase's jobs before
/// the next phase, or the serial code between phases, touches the buffers; and the
/// buffers stay put until the last job has finished (see `CSVColumnStorage`).
struct CSVSlotOutput: @unchecked Sendable {
    var numbers: UnsafeMutablePointer<Double>
    var bools: UnsafeMutablePointer<Bool>
    var codes: UnsafeMutablePointer<Int32>

    /// The same buffers, `rows` further on.
    func advanced(by rows: Int) -> CSVSlotOutput {
        CSVSlotOutput(numbers: numbers + rows, bools: bools + rows, codes: codes + rows)
    }
}

/// The final buffers of one column, one per possible type, sized for every row.
///
/// A column's type is known only after all chunks are read, so a buffer of each type
/// is reserved up front; untouched pages cost only address space, and the two that
/// lose are freed unread. The buffers are real Swift arrays so the winner becomes the
/// `Column`'s storage without a copy.
///
/// Invariant that makes the raw pointers safe: the arrays are created here, never
/// mutated or copied through Swift while `output` is in use, and only moved out by
/// `take…` after all parsing has finished. Their storage therefore does not move.
final class CSVColumnStorage {
    private var numbers: [Double]
    private var bools: [Bool]
    private var codes: [Int32]
    let output: CSVSlotOutput

    /// `nil` only if allocation hands back no address (it does not for a positive capacity).
    ///
    /// `type` limits the buffers to one type when the column's type is forced.
    init?(rows: Int, type: CSVSlotType?) {
        func buffer<T>(_: T.Type, _ rows: Int) -> ([T], UnsafeMutablePointer<T>?) {
            var base: UnsafeMutablePointer<T>?
            // Capacity at least 1 so the base address exists even for zero rows. The
            // elements are trivial types and every one is written before it is read.
            let array = [T](unsafeUninitializedCapacity: max(rows, 1)) { buffer, count in
                base = buffer.baseAddress
                HugePages.advise(buffer.baseAddress, count: rows)
                count = rows
            }
            return (array, base)
        }
        let wants = { (t: CSVSlotType) in type == nil || type == t }
        let (n, nb) = buffer(Double.self, wants(.number) ? rows : 0)
        let (b, bb) = buffer(Bool.self, wants(.bool) ? rows : 0)
        let (c, cb) = buffer(Int32.self, wants(.string) ? rows : 0)
        guard let nb, let bb, let cb else { return nil }
        numbers = n
        bools = b
        codes = c
        output = CSVSlotOutput(numbers: nb, bools: bb, codes: cb)
    }

    /// Moves the number buffer out, cut to the first `count` rows; call once, after parsing.
    func takeNumbers(count: Int) -> [Double] {
        defer { numbers = [] }
        Self.truncate(&numbers, to: count)
        return numbers
    }

    func takeBools(count: Int) -> [Bool] {
        defer { bools = [] }
        Self.truncate(&bools, to: count)
        return bools
    }

    func takeCodes(count: Int) -> [Int32] {
        defer { codes = [] }
        Self.truncate(&codes, to: count)
        return codes
    }

    /// Drops rows reserved for blank lines; in place, as the array is uniquely held.
    private static func truncate<T>(_ array: inout [T], to count: Int) {
        if array.count > count { array.removeLast(array.count - max(count, 0)) }
    }
}
