/// Joins the per-chunk parts of one column into a `Column`, in chunk order.
///
/// Every part already has the column's final type, or is `unknown` (all missing in
/// that chunk), which becomes missing rows of the final type. String dictionaries are
/// merged chunk by chunk, each in its own first-appearance order, which is exactly the
/// first-appearance order of the whole file — whatever the chunking.
enum CSVAssembler {
    /// `nil` only when a string column has more distinct values than `Int32` codes hold.
    static func column(_ parts: [CSVColumnPart], rows: [Int], type: CSVSlotType) -> Column? {
        let total = rows.reduce(0, +)
        let missing = missingMask(parts, rows: rows, total: total)
        switch type.columnType {
        case .number:
            let values = concatenate(parts, rows: rows, total: total, filler: Double.nan) {
                $0.type == .unknown ? nil : $0.numbers
            }
            return Column(numbers: values, missing: missing)
        case .bool:
            let values = concatenate(parts, rows: rows, total: total, filler: false) {
                $0.type == .unknown ? nil : $0.bools
            }
            return Column(bools: values, missing: missing)
        case .string:
            return strings(parts, rows: rows, total: total, missing: missing)
        }
    }

    /// Copies each part's buffer end to end; a part without one contributes `filler`s.
    private static func concatenate<T>(
        _ parts: [CSVColumnPart], rows: [Int], total: Int, filler: T,
        _ values: (CSVColumnPart) -> [T]?
    ) -> [T] {
        [T](unsafeUninitializedCapacity: total) { buffer, initialized in
            var at = 0
            for (k, part) in parts.enumerated() {
                let n = rows[k]
                if let source = values(part), source.count == n {
                    source.withUnsafeBufferPointer { src in
                        if let s = src.baseAddress, let d = buffer.baseAddress {
                            (d + at).initialize(from: s, count: n)
                        }
                    }
                } else {
                    // Unknown parts are all missing; a size mismatch cannot happen, but
                    // filling keeps the buffer fully initialized rather than trusting it.
                    if let d = buffer.baseAddress { (d + at).initialize(repeating: filler, count: n) }
                }
                at += n
            }
            initialized = at
        }
    }

    /// The whole column's missing mask, or `nil` when no row is missing.
    private static func missingMask(_ parts: [CSVColumnPart], rows: [Int], total: Int) -> [Bool]? {
        let any = parts.indices.contains { parts[$0].type == .unknown ? rows[$0] > 0 : !parts[$0].missingRows.isEmpty }
        guard any else { return nil }
        var mask = [Bool](repeating: false, count: total)
        var at = 0
        for (k, part) in parts.enumerated() {
            if part.type == .unknown {
                for i in at..<(at + rows[k]) { mask[i] = true }
            } else {
                for r in part.missingRows where r < rows[k] { mask[at + r] = true }
            }
            at += rows[k]
        }
        return mask
    }

    /// Merges dictionaries in chunk order and rewrites each chunk's codes into the merged ones.
    private static func strings(_ parts: [CSVColumnPart], rows: [Int], total: Int, missing: [Bool]?) -> Column? {
        if parts.count == 1, let only = parts.first, only.type == .string, only.codes.count == total {
            return Column(codes: only.codes, dictionary: only.dictionary.strings(), missing: missing)
        }
        var merged = CSVByteDictionary()
        var codes = [Int32]()
        codes.reserveCapacity(total)
        for (k, part) in parts.enumerated() {
            guard part.type == .string, part.codes.count == rows[k] else {
                codes.append(contentsOf: repeatElement(-1, count: rows[k]))
                continue
            }
            guard let remap = merged.merge(part.dictionary) else { return nil }
            remap.withUnsafeBufferPointer { map in
                for c in part.codes { codes.append(c < 0 ? -1 : map[Int(c)]) }
            }
        }
        return Column(codes: codes, dictionary: merged.strings(), missing: missing)
    }
}
