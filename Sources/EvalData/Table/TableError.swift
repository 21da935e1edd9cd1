/// Why a table could not be built.
package enum TableError: Error, Equatable, Sendable {
    /// Column `name` has `count` rows where the table has `expected`.
    case lengthMismatch(name: String, count: Int, expected: Int)
    /// Two columns share a name.
    case duplicateName(String)
    /// A column has an empty name.
    case emptyName
    /// `Table(names:columns:)` got a different number of names and columns.
    case columnCountMismatch(names: Int, columns: Int)
}
