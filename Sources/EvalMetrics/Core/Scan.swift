/// Fast input checks over large buffers: "is any value bad?" answered block by block
/// without a branch per element, then the exact index found only inside the failing
/// block.
///
/// Validation runs on every metric call before any arithmetic, often several times over
/// the same column (missing values, label domain, probability range). A short-circuiting
/// `firstIndex(where:)` has a data-dependent branch per element and does not vectorise,
/// so on millions of rows the checks cost more than the metric itself. Here each block
/// ORs the predicate into one flag, which the compiler turns into vector compares.
package enum Scan {
    /// Values per block: large enough to amortise the flag test, small enough that a
    /// failing block is rescanned cheaply.
    static let blockSize = 2048

    /// The first index whose value makes `bad` true, or nil when none does.
    ///
    /// `bad` must be a pure, cheap predicate (comparisons); it may be evaluated for
    /// every element of a block, including those after the first bad one.
    @inline(__always)
    static func firstIndex(_ values: [Double], where bad: (Double) -> Bool) -> Int? {
        values.withUnsafeBufferPointer { buffer -> Int? in
            let count = buffer.count
            var start = 0
            while start < count {
                let end = min(start + blockSize, count)
                var hit: UInt8 = 0
                var i = start
                // A while loop with wrapping increments: a range loop's overflow checks
                // keep the compiler from vectorising.
                while i < end {
                    hit |= bad(buffer[i]) ? 1 : 0
                    i &+= 1
                }
                if hit != 0 {
                    for i in start..<end where bad(buffer[i]) {
                        return i
                    }
                }
                start = end
            }
            return nil
        }
    }

    /// True when no value makes `bad` true; see `firstIndex(_:where:)`.
    @inline(__always)
    static func none(_ values: [Double], _ bad: (Double) -> Bool) -> Bool {
        firstIndex(values, where: bad) == nil
    }

    // Named scans for other modules: a closure passed across a module boundary is not
    // specialised, and a call per element would undo the point of scanning by blocks.

    /// The first NaN (a missing value), or nil.
    package static func firstMissing(_ values: [Double]) -> Int? {
        firstIndex(values) { $0 != $0 }
    }

    /// The first value that is not exactly 0 or 1, or nil.
    package static func firstNotBinary(_ values: [Double]) -> Int? {
        firstIndex(values) { ($0 != 0) & ($0 != 1) }
    }

    /// True when every value is exactly 0 or 1.
    package static func allBinary(_ values: [Double]) -> Bool {
        firstNotBinary(values) == nil
    }

    /// The first value that is not a whole number (NaN and infinities included), or nil.
    package static func firstNotWhole(_ values: [Double]) -> Int? {
        firstIndex(values) { $0 != $0.rounded() }
    }

    /// The first value that is negative, infinite or NaN, or nil.
    package static func firstNotWeight(_ values: [Double]) -> Int? {
        firstIndex(values) { !(($0 >= 0) & ($0 < .infinity)) }
    }

    /// The first index of a true flag, or nil: the scan behind missing-value masks.
    package static func firstTrue(_ flags: [Bool]) -> Int? {
        flags.withUnsafeBufferPointer { buffer -> Int? in
            let count = buffer.count
            var start = 0
            while start < count {
                let end = min(start + blockSize, count)
                var hit: UInt8 = 0
                var i = start
                while i < end {
                    hit |= buffer[i] ? 1 : 0
                    i &+= 1
                }
                if hit != 0 {
                    for i in start..<end where buffer[i] {
                        return i
                    }
                }
                start = end
            }
            return nil
        }
    }
}

extension Bool {
    /// Non-short-circuit AND, so a predicate over two comparisons has no branch.
    @inline(__always)
    static func & (lhs: Bool, rhs: Bool) -> Bool {
        (lhs ? 1 as UInt8 : 0) & (rhs ? 1 : 0) != 0
    }

    /// Non-short-circuit OR, for the same reason.
    @inline(__always)
    static func | (lhs: Bool, rhs: Bool) -> Bool {
        (lhs ? 1 as UInt8 : 0) | (rhs ? 1 : 0) != 0
    }
}
