/// Where the decoding jobs of one column write: pointers into its final buffers.
///
/// `@unchecked Sendable` because jobs on several threads write through copies of these
/// pointers, which the compiler cannot check. It is safe because each job writes only
/// its own row group's rows (row groups partition the rows, each job's range fixed
/// before any starts), `Parallel` joins all jobs before the buffers are read, and the
/// buffers stay put until then (see `ParquetColumnBuffer`).
struct ParquetColumnOutput: @unchecked Sendable {
    let values: UnsafeMutableRawPointer
    let missing: UnsafeMutablePointer<Bool>?
}

/// The final buffers of one column: its values, and its missing mask when the column
/// may have missing values.
///
/// They are real Swift arrays, so they become the `Column`'s storage without a copy.
/// Invariant that makes the raw pointers of `output` safe: the arrays are created here,
/// never mutated or copied through Swift while `output` is in use, and only moved out
/// by `column(…)` after every job has finished, so their storage does not move.
final class ParquetColumnBuffer {
    private var numbers: [Double] = []
    private var bools: [Bool] = []
    private var codes: [Int32] = []
    private var missing: [Bool] = []
    let type: ColumnType
    let rows: Int
    let output: ParquetColumnOutput

    /// Buffers for `rows` rows; `nil` only if allocation gives no address.
    ///
    /// Elements are trivial and every value is written by a job before it is read; the
    /// mask is written only when some row is missing (see `ParquetChunkReader`), and
    /// dropped unread otherwise.
    init?(type: ColumnType, rows: Int, optional: Bool) {
        func buffer<T>(_: T.Type, _ rows: Int) -> ([T], UnsafeMutablePointer<T>?) {
            var base: UnsafeMutablePointer<T>?
            let array = [T](unsafeUninitializedCapacity: max(rows, 1)) { buffer, count in
                base = buffer.baseAddress
                HugePages.advise(buffer.baseAddress, count: rows)
                count = rows
            }
            return (array, base)
        }
        self.type = type
        self.rows = rows
        let values: UnsafeMutableRawPointer?
        switch type {
        case .number:
            let (array, base) = buffer(Double.self, rows)
            numbers = array
            values = base.map { UnsafeMutableRawPointer($0) }
        case .bool:
            let (array, base) = buffer(Bool.self, rows)
            bools = array
            values = base.map { UnsafeMutableRawPointer($0) }
        case .string:
            let (array, base) = buffer(Int32.self, rows)
            codes = array
            values = base.map { UnsafeMutableRawPointer($0) }
        }
        var mask: UnsafeMutablePointer<Bool>?
        if optional {
            let (array, base) = buffer(Bool.self, rows)
            missing = array
            mask = base
            guard mask != nil else { return nil }
        }
        guard let values else { return nil }
        output = ParquetColumnOutput(values: values, missing: mask)
    }

    /// The finished column; call once, after every job has written its rows.
    ///
    /// `anyMissing` drops the mask when no row was missing; `dictionary` gives a string
    /// column's values by code.
    func column(anyMissing: Bool, dictionary: [String]) -> Column {
        let mask = anyMissing ? missing : nil
        defer {
            numbers = []
            bools = []
            codes = []
            missing = []
        }
        switch type {
        case .number: return Column(numbers: numbers, missing: mask)
        case .bool: return Column(bools: bools, missing: mask)
        case .string: return Column(codes: codes, dictionary: dictionary, missing: mask)
        }
    }
}
