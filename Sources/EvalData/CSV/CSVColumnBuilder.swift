/// What one chunk learned about one column: its type there, its missing rows and, for strings, its dictionary.
///
/// The values themselves are already in the final buffers.
///
/// Missing rows are kept as a sparse list of chunk-local row numbers, because most
/// columns have none and a per-row mask would cost a store for every field.
struct CSVColumnPart: Sendable {
    var type: CSVSlotType = .unknown
    var dictionary = ByteDictionary()
    var missingRows: [Int] = []
}

/// Reads one column of one chunk from field bytes, inferring or enforcing its type,
/// and writes each value to row `row` of the chunk's slice of the final buffers.
///
/// Inference starts `unknown` and settles on the first non-missing value. When a later
/// value does not fit, the builder is *poisoned*: it stops (the text of earlier values
/// is gone) and the chunk parser re-reads that column as `string`. A forced type never
/// poisons; a misfit is an error instead.
struct CSVColumnBuilder {
    fileprivate enum Mode: UInt8 { case unknown, number, bool, string, skip }

    private var mode: Mode
    private let forced: Bool
    private let out: CSVSlotOutput
    private(set) var part = CSVColumnPart()
    /// Set when inference hit a value that does not fit the column's type.
    private(set) var poisoned = false
    /// Set when `append` returns false: the error for this field.
    private(set) var failure: CSVError.Kind?
    /// Reused buffer for fields with doubled quotes, so unescaping does not allocate per field.
    private var scratch: [UInt8] = []

    /// `type` nil infers; `active` false ignores every value (projected away or already done).
    init(type: CSVSlotType?, forced: Bool, active: Bool, output: CSVSlotOutput) {
        self.forced = forced
        self.out = output
        switch type {
        case _ where !active: mode = .skip
        case nil, .unknown?: mode = .unknown
        case .number?: mode = .number
        case .bool?: mode = .bool
        case .string?: mode = .string
        }
        part.type = CSVSlotType(mode) ?? .unknown
    }

    /// The number buffer, while this column takes plain numbers straight from the row
    /// loop's fused parser (`FastFloat.parseField`); `nil` in any other mode. (A mutating
    /// method, so the builder is accessed in place rather than copied for a property read.)
    mutating func plainNumberOutput() -> UnsafeMutablePointer<Double>? {
        mode == .number ? out.numbers : nil
    }

    /// Adds one field as chunk row `row`; false when it is an error (see `failure`).
    mutating func append(_ p: UnsafePointer<UInt8>, count n: Int, escaped: Bool, row: Int) -> Bool {
        switch mode {
        case .skip:
            return true
        case .number:
            if let v = FastFloat.parse(p, count: n) {
                out.numbers[row] = v
                return true
            }
            if CSVTokens.isMissing(p, count: n) {
                out.numbers[row] = .nan
                part.missingRows.append(row)
                return true
            }
            return misfit(p, count: n, escaped: escaped, as: .number)
        case .bool:
            if let v = CSVTokens.bool(p, count: n) {
                out.bools[row] = v
                return true
            }
            if CSVTokens.isMissing(p, count: n) {
                out.bools[row] = false
                part.missingRows.append(row)
                return true
            }
            return misfit(p, count: n, escaped: escaped, as: .bool)
        case .string:
            return appendString(p, count: n, escaped: escaped, row: row)
        case .unknown:
            if CSVTokens.isMissing(p, count: n) { return true }
            if FastFloat.parse(p, count: n) != nil {
                start(.number, backfill: row)
            } else if CSVTokens.bool(p, count: n) != nil {
                start(.bool, backfill: row)
            } else {
                start(.string, backfill: row)
            }
            return append(p, count: n, escaped: escaped, row: row)
        }
    }

    /// Settles on a type at row `rows`, marking the rows before it (all missing) as such.
    private mutating func start(_ newMode: Mode, backfill rows: Int) {
        mode = newMode
        part.type = CSVSlotType(newMode) ?? .unknown
        switch newMode {
        case .skip, .unknown: return
        case .number: out.numbers.update(repeating: .nan, count: rows)
        case .bool: out.bools.update(repeating: false, count: rows)
        case .string: out.codes.update(repeating: -1, count: rows)
        }
        part.missingRows.append(contentsOf: 0..<rows)
    }

    private mutating func appendString(_ p: UnsafePointer<UInt8>, count n: Int, escaped: Bool, row: Int) -> Bool {
        if CSVTokens.isMissing(p, count: n) {
            out.codes[row] = -1
            part.missingRows.append(row)
            return true
        }
        if !escaped { return appendString(unescaped: p, count: n, row: row) }
        unescape(p, count: n)
        let local = scratch
        return local.withUnsafeBufferPointer { b in
            guard let q = b.baseAddress else { return appendString(unescaped: p, count: 0, row: row) }
            return appendString(unescaped: q, count: b.count, row: row)
        }
    }

    @inline(__always)
    private mutating func appendString(unescaped p: UnsafePointer<UInt8>, count n: Int, row: Int) -> Bool {
        let hash = ByteDictionary.hash(p, count: n)
        if let code = part.dictionary.find(p, count: n, hash: hash) {
            out.codes[row] = code
            return true
        }
        // Validate each distinct value once, when it first appears.
        guard CSVTokens.isValidUTF8(p, count: n) else {
            failure = .invalidUTF8
            return false
        }
        guard let code = part.dictionary.insert(p, count: n, hash: hash) else {
            failure = .tooManyValues
            return false
        }
        out.codes[row] = code
        return true
    }

    /// Copies the field into `scratch`, turning each doubled quote into one.
    private mutating func unescape(_ p: UnsafePointer<UInt8>, count n: Int) {
        scratch.removeAll(keepingCapacity: true)
        var i = 0
        while i < n {
            let b = p[i]
            scratch.append(b)
            i += b == CSVFieldScanner.quote ? 2 : 1
        }
    }

    /// A value that does not fit: an error for forced types, otherwise poison.
    private mutating func misfit(_ p: UnsafePointer<UInt8>, count n: Int, escaped: Bool, as type: ColumnType) -> Bool {
        guard forced else {
            poisoned = true
            mode = .skip
            part = CSVColumnPart()
            return true
        }
        if escaped {
            unescape(p, count: n)
            let text = scratch.withUnsafeBufferPointer { b in
                b.baseAddress.map { CSVTokens.preview($0, count: b.count) } ?? ""
            }
            failure = .badValue(text: text, type: type)
        } else {
            failure = .badValue(text: CSVTokens.preview(p, count: n), type: type)
        }
        return false
    }
}

extension CSVSlotType {
    /// The slot type a builder mode stores; `nil` for a skipped column.
    fileprivate init?(_ mode: CSVColumnBuilder.Mode) {
        switch mode {
        case .unknown: self = .unknown
        case .number: self = .number
        case .bool: self = .bool
        case .string: self = .string
        case .skip: return nil
        }
    }
}
