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
