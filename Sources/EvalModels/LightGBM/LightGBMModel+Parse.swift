/// Reads LightGBM's text format: a header of `key=value` lines after `tree`, then one block per tree starting
/// `Tree=<i>`, then `end of trees` (what follows — feature importances, parameters — is not needed for prediction).
///
/// Every field prediction needs is checked (counts, ranges, tree shape), so a bad or truncated file fails here.
struct LightGBMParser {
    let text: String
    let path: String

    func fail(_ reason: String) -> ModelError {
        ModelError(path: path, reason: reason)
    }

    /// The file's lines, without line terminators (LF or CRLF).
    private func lines() -> [Substring] {
        text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { slice in
            var line = Substring(slice)
            if line.utf8.last == 13 { line = Substring(line.utf8.dropLast()) }
            return line
        }
    }

    mutating func parse() throws(ModelError) -> LightGBMModel {
        let all = lines()
        guard let first = all.first, first == "tree" else {
            throw fail("this is not a LightGBM text model (the first line is not `tree`)")
        }
        var index = 1
        var header: [Substring: Substring] = [:]
        var flags: Set<Substring> = []
        while index < all.count, !all[index].hasPrefix("Tree=") {
            let line = all[index]
            index += 1
            if line.isEmpty { continue }
            if line == "end of trees" { break }
            if let eq = line.firstIndex(of: "=") {
                header[line[..<eq]] = line[line.index(after: eq)...]
            } else {
                flags.insert(line)
            }
        }
        let head = try Header(header, flags: flags, parser: self)

        var ensemble = FlatEnsemble()
        var trees = 0
        var ended = false
        while index < all.count {
            let line = all[index]
            if line.isEmpty { index += 1; continue }
            if line == "end of trees" { ended = true; break }
            guard line.hasPrefix("Tree=") else {
                throw fail("line \(index + 1) (`\(line.prefix(40))`) is not a tree field")
            }
            guard Int(line.dropFirst(5)) == trees else {
                throw fail("expected `Tree=\(trees)` on line \(index + 1), found `\(line.prefix(40))`")
            }
            index += 1
            var fields: [Substring: Substring] = [:]
            while index < all.count, !all[index].isEmpty, !all[index].hasPrefix("Tree="), all[index] != "end of trees" {
                let field = all[index]
                guard let eq = field.firstIndex(of: "=") else {
                    throw fail("line \(index + 1) of tree \(trees) (`\(field.prefix(40))`) is not a `key=value` field")
                }
                fields[field[..<eq]] = field[field.index(after: eq)...]
                index += 1
            }
            var tree = TreeFields(fields, tree: trees, features: head.featureCount, parser: self)
            try tree.append(to: &ensemble)
            trees += 1
        }
        guard ended else {
            throw fail("the file ends after \(trees) tree(s) without `end of trees` (truncated?)")
        }
        if let sizes = head.treeSizes, sizes != trees {
            throw fail("the header lists \(sizes) tree sizes but the file holds \(trees) trees")
        }
        guard trees % head.perIteration == 0 else {
            throw fail("\(trees) trees is not a whole number of iterations of \(head.perIteration) trees")
        }
        // LightGBM names the features of an unnamed array Column_0, Column_1, …
        let generated = head.features.enumerated().allSatisfy { $0.element == "Column_\($0.offset)" }
        let info = ModelInfo(
            format: "lightgbm", objective: head.objective, task: head.task,
            features: head.features, namedFeatures: !generated, trees: trees)
        return LightGBMModel(
            info: info, link: head.link, classes: head.perIteration,
            featureCount: head.featureCount, ensemble: ensemble)
    }
}

/// The header fields prediction depends on.
private struct Header {
    var objective: String
    var task: ModelTask
    var link: LightGBMModel.Link
    var perIteration: Int
    var features: [String]
    var featureCount: Int
    var treeSizes: Int?

    init(_ h: [Substring: Substring], flags: Set<Substring>, parser p: LightGBMParser) throws(ModelError) {
        guard let version = h["version"] else { throw p.fail("the header has no `version` line") }
        guard ["v2", "v3", "v4"].contains(version) else {
            throw p.fail("the format version `\(version)` is not supported (v2–v4 are)")
        }
        if flags.contains("average_output") {
            throw p.fail("averaged-output (random forest) models are not supported")
        }
        guard let nc = h["num_class"], let numClass = Int(nc), numClass >= 1 else {
            throw p.fail("the header's `num_class` is missing or not a positive integer")
        }
        guard let tpi = h["num_tree_per_iteration"], let perIteration = Int(tpi), perIteration >= 1 else {
            throw p.fail("the header's `num_tree_per_iteration` is missing or not a positive integer")
        }
        guard let mfi = h["max_feature_idx"], let maxFeature = Int(mfi), maxFeature >= 0 else {
            throw p.fail("the header's `max_feature_idx` is missing or not a non-negative integer")
        }
        guard let names = h["feature_names"] else { throw p.fail("the header has no `feature_names` line") }
        features = names.split(separator: " ").map(String.init)
        guard features.count == maxFeature + 1 else {
            throw p.fail("the header names \(features.count) features but `max_feature_idx` is \(maxFeature)")
        }
        featureCount = maxFeature + 1
        if let sizes = h["tree_sizes"] { treeSizes = sizes.split(separator: " ").count } else { treeSizes = nil }
        guard let objectiveLine = h["objective"] else { throw p.fail("the header has no `objective` line") }
        let tokens = objectiveLine.split(separator: " ")
        guard let name = tokens.first else { throw p.fail("the header's `objective` is empty") }
        objective = String(name)
        var params: [Substring: Substring] = [:]
        for token in tokens.dropFirst() {
            if let colon = token.firstIndex(of: ":") {
                params[token[..<colon]] = token[token.index(after: colon)...]
            } else {
                params[token] = ""
            }
        }
        self.perIteration = perIteration
        switch name {
        case "binary":
            guard numClass == 1, perIteration == 1 else {
                throw p.fail("a binary model must have one class and one tree per iteration")
            }
            guard let s = params["sigmoid"], let sigmoid = Double(s), sigmoid > 0, sigmoid.isFinite else {
                throw p.fail("the binary objective's `sigmoid` parameter is missing or not a positive number")
            }
            task = .binary
            link = .sigmoid(sigmoid)
        case "multiclass":
            guard let k = params["num_class"], Int(k) == numClass, numClass >= 2 else {
                throw p.fail("the multiclass objective's `num_class` does not match the header's \(numClass)")
            }
            guard perIteration == numClass else {
                throw p.fail("a multiclass model must have `num_tree_per_iteration` equal to `num_class`")
            }
            task = .multiclass(classes: numClass)
            link = .softmax
        case "regression", "regression_l2", "regression_l1", "l2", "l1", "huber", "fair", "quantile", "mape":
            if params["sqrt"] != nil {
                throw p.fail("the objective `\(name)` with `sqrt` (square-root transformed labels) is not supported")
            }
            guard numClass == 1, perIteration == 1 else {
                throw p.fail("a regression model must have one class and one tree per iteration")
            }
            task = .regression
            link = .identity
        default:
            throw p.fail("the objective `\(name)` is not supported (binary, multiclass and regression objectives are)")
        }
    }
}

/// One tree's fields, checked and appended to the flat ensemble.
private struct TreeFields {
    let fields: [Substring: Substring]
    let tree: Int
    let features: Int
    let parser: LightGBMParser

    init(_ fields: [Substring: Substring], tree: Int, features: Int, parser: LightGBMParser) {
        self.fields = fields
        self.tree = tree
        self.features = features
        self.parser = parser
    }

    func fail(_ what: String) -> ModelError { parser.fail("tree \(tree): \(what)") }

    func scalar(_ key: Substring) throws(ModelError) -> Int {
        guard let raw = fields[key] else { throw fail("the `\(key)` field is missing") }
        guard let v = Int(raw) else { throw fail("`\(key)` is not an integer: `\(raw.prefix(40))`") }
        return v
    }

    func list<T>(_ key: Substring, count: Int, _ convert: (Substring) -> T?) throws(ModelError) -> [T] {
        guard let raw = fields[key] else { throw fail("the `\(key)` field is missing") }
        var out: [T] = []
        // Never more than the text can hold: a declared count is a claim, the bytes are the evidence.
        out.reserveCapacity(min(count, raw.utf8.count / 2 + 1))
        for token in raw.split(separator: " ") {
            guard let v = convert(token) else { throw fail("`\(key)` holds `\(token.prefix(40))`, not a number") }
            out.append(v)
        }
        guard out.count == count else { throw fail("`\(key)` has \(out.count) values, expected \(count)") }
        return out
    }

    mutating func append(to e: inout FlatEnsemble) throws(ModelError) {
        let leaves = try scalar("num_leaves")
        guard leaves >= 1, leaves < Int(Int32.max) / 2 else { throw fail("`num_leaves` is \(leaves)") }
        if let linear = fields["is_linear"], linear != "0" {
            throw fail("linear trees (`is_linear=\(linear)`) are not supported")
        }
        let values = try list("leaf_value", count: leaves) { Double($0) }
        let leafBase = e.leafValue.count
        let nodeBase = e.nodeFeature.count
        e.leafValue.append(contentsOf: values)
        guard leaves > 1 else {
            e.treeRoots.append(Int32(truncatingIfNeeded: ~leafBase))
            return
        }
        let nodes = leaves - 1
        let numCat = try fields["num_cat"] == nil ? 0 : scalar("num_cat")
        guard numCat >= 0, numCat <= nodes else { throw fail("`num_cat` is \(numCat)") }
        let split = try list("split_feature", count: nodes) { Int($0) }
        let threshold = try list("threshold", count: nodes) { Double($0) }
        let decision = try list("decision_type", count: nodes) { UInt8($0) }
        let left = try list("left_child", count: nodes) { Int($0) }
        let right = try list("right_child", count: nodes) { Int($0) }
        var boundaries: [Int] = [0]
        var words: [UInt32] = []
        if numCat > 0 {
            boundaries = try list("cat_boundaries", count: numCat + 1) { Int($0) }
            guard boundaries[0] == 0, zip(boundaries, boundaries.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw fail("`cat_boundaries` does not rise from 0")
            }
            words = try list("cat_threshold", count: boundaries[numCat]) { UInt32($0) }
        }
        if let s = fields["shrinkage"], Double(s) == nil {
            throw fail("`shrinkage` is not a number: `\(s.prefix(40))`")
        }

        // Every node and leaf must be reached exactly once from the root: a tree, no cycles.
        var seenNode = [Bool](repeating: false, count: nodes)
        var seenLeaf = [Bool](repeating: false, count: leaves)
        var stack = [0]
        seenNode[0] = true
        while let n = stack.popLast() {
            for child in [left[n], right[n]] {
                if child >= 0 {
                    guard child < nodes, !seenNode[child] else { throw fail("node \(n) has an invalid child \(child)") }
                    seenNode[child] = true
                    stack.append(child)
                } else {
                    let leaf = ~child
                    guard leaf < leaves, !seenLeaf[leaf] else { throw fail("node \(n) has an invalid child \(child)") }
                    seenLeaf[leaf] = true
                }
            }
        }
        guard seenNode.allSatisfy({ $0 }), seenLeaf.allSatisfy({ $0 }) else {
            throw fail("some nodes or leaves are not reachable from the root")
        }

        let wordBase = e.catWords.count
        e.catWords.append(contentsOf: words)
        for n in 0..<nodes {
            guard split[n] >= 0, split[n] < features else {
                throw fail("node \(n) splits on feature \(split[n]), beyond the \(features) features")
            }
            let d = decision[n]
            guard (d >> 2) & 3 != 3, d < 16 else { throw fail("node \(n) has an unknown `decision_type` \(d)") }
            var start = 0, count = 0
            if d & 1 != 0 {
                let t = threshold[n]
                guard t >= 0, t < Double(numCat), t == t.rounded(.towardZero) else {
                    throw fail("categorical node \(n) refers to bitset \(t), beyond `num_cat` \(numCat)")
                }
                let c = Int(t)
                start = wordBase + boundaries[c]
                count = boundaries[c + 1] - boundaries[c]
            }
            e.nodeFeature.append(Int32(split[n]))
            e.nodeThreshold.append(threshold[n])
            e.nodeDecision.append(d)
            e.nodeLeft.append(Int32(truncatingIfNeeded: left[n] >= 0 ? nodeBase + left[n] : ~(leafBase + ~left[n])))
            e.nodeRight.append(Int32(truncatingIfNeeded: right[n] >= 0 ? nodeBase + right[n] : ~(leafBase + ~right[n])))
            e.catStart.append(Int32(truncatingIfNeeded: start))
            e.catCount.append(Int32(truncatingIfNeeded: count))
        }
        e.treeRoots.append(Int32(truncatingIfNeeded: nodeBase))
        guard e.leafValue.count < Int(Int32.max), e.nodeFeature.count < Int(Int32.max),
            e.catWords.count < Int(Int32.max)
        else {
            throw parser.fail("the ensemble is too large")
        }
    }
}
