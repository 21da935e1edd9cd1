/// Why a table could not be built.
package enum TableError: Error, Equatable, Sendable {
    case lengthMismatch(name: String, count: Int, expected: Int)
    case duplicateName(String)
    case emptyName
}
