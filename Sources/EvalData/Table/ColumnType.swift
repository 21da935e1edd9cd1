/// The element type of a column.
public enum ColumnType: String, Sendable, Equatable, CaseIterable {
    case number, bool, string
}
