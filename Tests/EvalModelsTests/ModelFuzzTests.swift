import Foundation
import Testing

@testable import EvalModels

/// Mutated model files (seeded): each loads with a `ModelError` or loads and predicts, never traps or hangs.
///
/// Text formats get text-aware mutations (a number made huge, negative or fractional, a line dropped or repeated,
/// the file cut short) besides byte flips, because what a model file claims (leaf counts, class counts, child
/// indices) is where trust goes wrong.
@Suite("Model files: mutation fuzzing")
struct ModelFuzzTests {
    static let fixtures: [String] = {
        guard let base = Bundle.module.resourceURL?.appendingPathComponent("Fixtures") else { return [] }
        var out: [String] = []
        for folder in ["xgboost", "lightgbm", "onnx"] {
            let dir = base.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            where (name.hasSuffix(".json") || name.hasSuffix(".txt") || name.hasSuffix(".onnx"))
                && !name.contains("reference")
            {
                out.append(dir.appendingPathComponent(name).path)
            }
        }
        return out.sorted()
    }()

    /// Numbers a mutation writes in place of one in the file.
    static let hostileNumbers = [
        "1e18", "-1", "0", "2147483648", "-2147483649", "9223372036854775807", "1e308", "-1e308", "nan", "inf", "0.5",
        "4294967295", "18446744073709551615", "999999999",
    ]

    @Test("thousands of mutated XGBoost and LightGBM files load or fail cleanly", arguments: fixtures)
    func mutations(_ path: String) throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var random = SplitMix(seed: UInt64(truncatingIfNeeded: path.utf8.reduce(5381) { $0 &* 33 &+ Int($1) }))
        var features: [[Double]] = []
        for c in 0..<8 {
            var column: [Double] = []
            for r in 0..<16 { column.append(Double((r * 7 + c * 3) % 11) / 5 - 1) }
            features.append(column)
        }
        for _ in 0..<400 {
            let mutated = mutate(original, &random)
            let format: any ModelFormat
            do {
                format = try Model.load(bytes: mutated, displayPath: "fuzz", loaders: ModelLoaders.all).format
            } catch {
                #expect(!error.reason.isEmpty)
                continue
            }
            let count = format.info.features.count
            guard count <= 10_000 else { continue }
            let columns = (0..<count).map { features[$0 % features.count] }
            _ = format.predict(columns, margin: false)
            _ = format.predict(columns, margin: true)
        }
    }

    private func mutate(_ bytes: [UInt8], _ random: inout SplitMix) -> [UInt8] {
        var out = bytes
        let kind = random.next() % 6
        switch kind {
        case 0:  // a number replaced by a hostile one
            let digits = out.indices.filter { out[$0] >= 0x30 && out[$0] <= 0x39 }
            guard !digits.isEmpty else { return out }
            var start = digits[Int(random.next() % UInt64(digits.count))]
            while start > 0, (out[start - 1] >= 0x30 && out[start - 1] <= 0x39) || out[start - 1] == 0x2E {
                start -= 1
            }
            var end = start
            while end < out.count, (out[end] >= 0x30 && out[end] <= 0x39) || out[end] == 0x2E { end += 1 }
            let number = Self.hostileNumbers[Int(random.next() % UInt64(Self.hostileNumbers.count))]
            out.replaceSubrange(start..<end, with: Array(number.utf8))
        case 1:  // cut short
            out = Array(out.prefix(Int(random.next() % UInt64(max(out.count, 1)))))
        case 2:  // a line dropped
            let lines = out.split(separator: 0x0A, omittingEmptySubsequences: false)
            guard lines.count > 1 else { return out }
            let drop = Int(random.next() % UInt64(lines.count))
            out = Array(lines.enumerated().filter { $0.offset != drop }.map(\.element).joined(separator: [0x0A]))
        case 3:  // a line repeated
            let lines = out.split(separator: 0x0A, omittingEmptySubsequences: false)
            guard !lines.isEmpty else { return out }
            let copy = Int(random.next() % UInt64(lines.count))
            var all = Array(lines)
            all.insert(lines[copy], at: copy)
            out = Array(all.joined(separator: [0x0A]))
        default:  // a few bytes flipped
            for _ in 0..<(1 + random.next() % 4) where !out.isEmpty {
                let i = Int(random.next() % UInt64(out.count))
                out[i] ^= UInt8(truncatingIfNeeded: 1 << (random.next() % 8))
            }
        }
        return out
    }
}

/// The seeded generator of the fuzz cases.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
