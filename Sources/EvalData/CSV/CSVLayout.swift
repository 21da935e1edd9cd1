/// Which header fields are read into which output columns, and with what forced types.
struct CSVLayout: Sendable {
    /// Fields per row, from the header.
    var fieldCount: Int
    /// Output column (slot) of each header field, or -1 when the field is projected away.
    var slotOfField: [Int]
    /// Header index of each slot, for error messages.
    var fieldOfSlot: [Int]
    var delimiter: UInt8
    /// A forced type per slot, or `nil` to infer.
    var forced: [CSVSlotType?]

    var slotCount: Int { fieldOfSlot.count }
}

extension CSVLayout {
    /// Maps header fields to output slots, applying the projection and forced types.
    ///
    /// Errors name `file` and the header's line: a projected or typed column that is not
    /// in the header, or a column projected twice.
    init(header: CSVHeader, options: CSVOptions, file: String) throws(CSVError) {
        let names = header.names
        var indexOf: [String: Int] = [:]
        for (i, n) in names.enumerated() { indexOf[n] = i }
        func unknown(_ name: String) -> CSVError {
            CSVError(file: file, line: header.line, kind: .unknownColumn(name: name, available: names))
        }
        var fieldOfSlot: [Int] = []
        if let selected = options.columns {
            var seen = Set<String>()
            for name in selected {
                guard let i = indexOf[name] else { throw unknown(name) }
                guard seen.insert(name).inserted else {
                    throw CSVError(file: file, line: header.line, kind: .duplicateColumn(name))
                }
                fieldOfSlot.append(i)
            }
        } else {
            fieldOfSlot = Array(names.indices)
        }
        // Report unknown type overrides in a stable (sorted) order.
        for name in options.types.keys.sorted() where indexOf[name] == nil { throw unknown(name) }
        var slotOfField = [Int](repeating: -1, count: names.count)
        for (s, f) in fieldOfSlot.enumerated() { slotOfField[f] = s }
        let forced = fieldOfSlot.map { f in options.types[names[f]].map(CSVSlotType.init) }
        self.init(
            fieldCount: names.count, slotOfField: slotOfField, fieldOfSlot: fieldOfSlot,
            delimiter: options.delimiter, forced: forced)
    }
}
