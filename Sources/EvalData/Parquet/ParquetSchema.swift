/// The file's schema as Evalbook sees it: top-level fields, each flat or nested, over
/// the leaf columns that the row groups store in order.
///
/// Parquet flattens its schema tree depth first, with each group saying how many
/// children follow. The walk here is iterative with a bounded stack, and every count is
/// checked against the elements that remain, so a lying schema is an error, never a
/// deep recursion or an out-of-range read.
struct ParquetSchema: Sendable {
    /// A stored column: one leaf of the tree.
    struct Leaf: Sendable {
        var path: [String]
        var element: ParquetMetadata.SchemaElement
        var maxDefinition: Int
        var maxRepetition: Int
    }

    /// A top-level field of the schema: a column of the table when flat.
    struct Field: Sendable {
        var name: String
        /// The leaves under this field, in storage order.
        var leaves: Range<Int>
        /// `nil` when flat (one leaf, not repeated); otherwise the shape, in words.
        var nested: String?
    }

    /// Groups deeper than this are refused.
    static let maxDepth = 64

    var fields: [Field]
    var leaves: [Leaf]

    /// Interprets the flattened elements (the first is the root).
    ///
    /// - Complexity: O(elements).
    init(_ elements: [ParquetMetadata.SchemaElement]) throws(ParquetError.Kind) {
        guard let root = elements.first else { throw .badSchema("it has no root") }
        guard let rootChildren = root.childCount, rootChildren >= 0 else {
            throw .badSchema("the root is not a group")
        }
        fields = []
        leaves = []
        // One entry per open group: children still to come, its levels, its path.
        var stack: [(remaining: Int, definition: Int, repetition: Int, path: [String])] = [
            (Int(rootChildren), 0, 0, [])
        ]
        var next = 1
        while let top = stack.last {
            if top.remaining == 0 {
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].remaining -= 1
            guard next < elements.count else {
                throw .badSchema("a group claims more children than the schema holds")
            }
            let element = elements[next]
            next += 1
            let repetition = element.repetition.flatMap(ParquetRepetition.init(rawValue:)) ?? .required
            let definition = top.definition + (repetition == .required ? 0 : 1)
            let repeats = top.repetition + (repetition == .repeated ? 1 : 0)
            let path = top.path + [element.name]
            let topLevel = stack.count == 1
            if topLevel {
                fields.append(Field(name: element.name, leaves: leaves.count..<leaves.count, nested: nil))
            }
            if let children = element.childCount {
                guard children >= 0, Int(children) <= elements.count - next else {
                    throw .badSchema("group `\(element.name)` claims \(children) children")
                }
                guard stack.count < Self.maxDepth else { throw .badSchema("groups nest deeper than \(Self.maxDepth)") }
                if topLevel { fields[fields.count - 1].nested = Self.shape(of: element) }
                stack.append((Int(children), definition, repeats, path))
            } else {
                guard element.type != nil else { throw .badSchema("column `\(element.name)` has no type") }
                leaves.append(Leaf(path: path, element: element, maxDefinition: definition, maxRepetition: repeats))
                if topLevel, repetition == .repeated { fields[fields.count - 1].nested = "a repeated field" }
            }
            let last = fields.count - 1
            fields[last].leaves = fields[last].leaves.lowerBound..<leaves.count
        }
        guard next == elements.count else {
            throw .badSchema("\(elements.count - next) elements lie outside the schema tree")
        }
    }

    /// A nested group's shape in words, from its annotation.
    private static func shape(of element: ParquetMetadata.SchemaElement) -> String {
        let converted = element.convertedType.flatMap(ParquetConvertedType.init(rawValue:))
        switch (element.logicalType, converted) {
        case (.list?, _), (_, .list?): return "a list"
        case (.map?, _), (_, .map?), (_, .mapKeyValue?): return "a map"
        default: return "a struct"
        }
    }

    /// The names of the fields that are flat, which a table can hold.
    var flatNames: [String] { fields.filter { $0.nested == nil }.map(\.name) }
}
