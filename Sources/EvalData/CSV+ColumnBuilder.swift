/// What one chunk produced for one output column: typed values plus missing rows.
///
/// Missing rows are kept as a sparse list of chunk-local row numbers, because most
/// columns have none and a per-row mask would cost a store for every field.
struct CSVColumnPart: Sendable {
    var type: CSVSlotType = .unknown
    var numbers: [Double] = []
    var bools: [Bool] = []
    var codes: [Int32] = []
    var dictionary = CSVByteDictionary()
    var missingRows: [Int] = []
}

/// Builds one column of one chunk from field bytes, inferring or enforcing its type.
///
/// Inference starts `unknown` and settles on the first non-missing value. When a later
/// value does not fit, the builder is *poisoned*: it stops storing (the text of earlier
/// values is gone) and the chunk parser re-reads that column as `string`. A forced
/// type never poisons; a misfit is an error instead.
struct CSVColumnBuilder {
    private enum Mode: UInt8 { case unknown, number, bool, string, skip }

    private var mode: Mode
    private let forced: Bool
    private let capacity: Int
    private(set) var part = CSVColumnPart()
    /// Set when inference hit a value that does not fit the column's type.
    private(set) var poisoned = false
    /// Set when `append` returns false: the error for this field.
    private(set) var failure: CSVError.Kind?
    /// Reused buffer for fields with doubled quotes, so unescaping does not allocate per field.
    private var scratch: [UInt8] = []

    /// `type` nil infers; `active` false ignores every value (projected away or already done).
    init(type: CSVSlotType?, forced: Bool, active: Bool, capacity: Int) {
        self.forced = forced
        self.capacity = capacity
        switch type {
        case _ where !active: mode = .skip
        case nil, .unknown?: mode = .unknown
        case .number?: mode = .number
        case .bool?: mode = .bool
        case .string?: mode = .string
        }
        start(mode, backfill: 0)
    }

    /// Whether the row loop may hand this column plain numbers directly (`appendNumber`).
    @inline(__always)
    var takesNumbers: Bool { mode == .number }

    /// Adds a number parsed by the row loop's fused fast path.
    @inline(__always)
    mutating func appendNumber(_ v: Double) { part.numbers.append(v) }

    /// Adds one field as chunk row `row`; false when it is an error (see `failure`).
    @inline(__always)
    mutating func append(_ p: UnsafePointer<UInt8>, count n: Int, escaped: Bool, row: Int) -> Bool {
        switch mode {
        case .skip:
            return true
        case .number:
            if let v = FastFloat.parse(p, count: n) {
                part.numbers.append(v)
                return true
            }
            if CSVTokens.isMissing(p, count: n) {
                part.numbers.append(.nan)
                part.missingRows.append(row)
                return true
            }
            return misfit(p, count: n, escaped: escaped, as: .number)
        case .bool:
            if let v = CSVTokens.bool(p, count: n) {
                part.bools.append(v)
                return true
            }
            if CSVTokens.isMissing(p, count: n) {
                part.bools.append(false)
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

    /// Switches to a concrete type, marking the `backfill` rows seen so far as missing.
    private mutating func start(_ newMode: Mode, backfill rows: Int) {
        mode = newMode
        let reserve = max(capacity, rows + 1)
        switch newMode {
        case .skip, .unknown:
            return
        case .number:
            part.type = .number
            part.numbers.reserveCapacity(reserve)
            part.numbers.append(contentsOf: repeatElement(.nan, count: rows))
        case .bool:
            part.type = .bool
            part.bools.reserveCapacity(reserve)
            part.bools.append(contentsOf: repeatElement(false, count: rows))
        case .string:
            part.type = .string
            part.codes.reserveCapacity(reserve)
            part.codes.append(contentsOf: repeatElement(-1, count: rows))
        }
        part.missingRows.append(contentsOf: 0..<rows)
    }

    private mutating func appendString(_ p: UnsafePointer<UInt8>, count n: Int, escaped: Bool, row: Int) -> Bool {
        if CSVTokens.isMissing(p, count: n) {
            part.codes.append(-1)
            part.missingRows.append(row)
            return true
        }
        if !escaped { return appendString(unescaped: p, count: n) }
        unescape(p, count: n)
        let local = scratch
        return local.withUnsafeBufferPointer { b in
            guard let q = b.baseAddress else { return appendString(unescaped: p, count: 0) }
            return appendString(unescaped: q, count: b.count)
        }
    }

    @inline(__always)
    private mutating func appendString(unescaped p: UnsafePointer<UInt8>, count n: Int) -> Bool {
        let hash = CSVByteDictionary.hash(p, count: n)
        if let code = part.dictionary.find(p, count: n, hash: hash) {
            part.codes.append(code)
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
        part.codes.append(code)
        return true
    }

    /// Copies the field into `scratch`, turning each doubled quote into one.
    private mutating func unescape(_ p: UnsafePointer<UInt8>, count n: Int) {
        scratch.removeAll(keepingCapacity: true)
        var i = 0
        while i < n {
            let b = p[i]
            scratch.append(b)
            i += b == UInt8(ascii: "\"") ? 2 : 1
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
