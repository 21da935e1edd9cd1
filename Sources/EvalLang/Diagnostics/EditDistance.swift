/// "Did you mean" suggestions by edit distance.
package enum Suggestion {
    /// The candidate closest to `name` by Levenshtein distance (ties: first in
    /// `candidates` order), if it is close enough to be a plausible typo.
    package static func nearest(to name: String, in candidates: some Sequence<String>) -> String? {
        let candidates = Array(candidates)
        let target = Array(name.lowercased().utf8)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = distance(target, Array(candidate.lowercased().utf8))
            if best == nil || d < best?.distance ?? .max { best = (candidate, d) }
        }
        guard let best else { return nil }
        let limit = max(1, min(3, (target.count + 2) / 3))
        // Replacing every character is not a typo: `b` does not suggest `a`.
        if best.distance <= limit && best.distance < target.count { return best.name }
        // An abbreviation (`exp` for `exponential`) points at the one name it begins.
        let lowered = name.lowercased()
        let extensions = candidates.filter { $0.lowercased().hasPrefix(lowered) }
        return lowered.count >= 2 && extensions.count == 1 ? extensions.first : nil
    }

    /// The help line for an unknown name, or nil.
    package static func help(for name: String, in candidates: some Sequence<String>) -> String? {
        nearest(to: name, in: candidates).map { "did you mean `\($0)`?" }
    }

    package static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
