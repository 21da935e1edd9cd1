/// The documented random generators behind every seeded result (bootstrap resamples).
///
/// Replays must reproduce reports byte for byte, on any machine and any thread count,
/// so the generators are spelled out here rather than taken from the platform:
/// SplitMix64 (Steele, Lea and Flood 2014) expands a seed, and xoshiro256**
/// (Blackman and Vigna 2018) draws the numbers. Each bootstrap replicate has its own
/// stream, derived from (seed, replicate index) alone, which is what makes the
/// results independent of how replicates are spread over threads.
package struct SplitMix64: Sendable {
    package var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    /// The next output: add the golden-ratio increment, then mix.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// SplitMix64's finaliser: a bijective scramble of 64 bits.
    package static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256**: a fast 256-bit-state generator with excellent statistical quality.
package struct Xoshiro256StarStar: Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// The state is four consecutive SplitMix64 outputs from `seed`, as the authors
    /// recommend; SplitMix64 never yields the all-zero state from four outputs.
    package init(seed: UInt64) {
        var expander = SplitMix64(seed: seed)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
    }

    /// The generator of stream `stream` under `seed`: the seed of stream i is
    /// `mix(seed + mix(i + 1))`, so neighbouring streams share no SplitMix64 outputs.
    package init(seed: UInt64, stream: UInt64) {
        self.init(seed: SplitMix64.mix(seed &+ SplitMix64.mix(stream &+ 1)))
    }

    package mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    /// A uniform integer in `0..<bound` (bound ≥ 1), without modulo bias: Lemire's
    /// multiply-and-reject method (2019).
    package mutating func next(below bound: UInt64) -> UInt64 {
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// A uniform double in [0, 1) with 53 random bits.
    package mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
