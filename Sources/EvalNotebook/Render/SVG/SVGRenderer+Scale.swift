/// Axis domains, linear scales and nice ticks.
extension SVGRenderer {
    /// Maps a data interval onto a pixel interval (which may run backwards, as y does).
    struct Scale {
        var lower: Double
        var upper: Double
        var start: Double
        var end: Double

        func callAsFunction(_ value: Double) -> Double {
            start + (value - lower) / (upper - lower) * (end - start)
        }
    }

    /// Tick positions on one axis and their labels.
    struct Ticks {
        var values: [Double] = []
        var labels: [String] = []
    }

    /// The fraction of the data span added on each side of a data-driven axis.
    static let padding = 0.04

    /// The domain for finite `values`: `fixed` when given (and usable), else the
    /// data's extent padded a little; `includeZero` pins 0 inside it without padding
    /// beyond 0 (bars grow from the baseline).
    static func domain(
        _ values: [Double], fixed: ClosedRange<Double>?, includeZero: Bool = false,
        pad: Bool = true
    ) -> ClosedRange<Double> {
        if let fixed = usable(fixed) { return fixed }
        var low = Double.infinity, high = -Double.infinity
        for value in values where value.isFinite {
            low = min(low, value)
            high = max(high, value)
        }
        guard low <= high else { return 0...1 }
        if includeZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if high - low < 1e-300 || !(high - low).isFinite {
            let half = low == 0 ? 1 : abs(low) * 0.1
            return includeZero && low == 0 ? 0...(high + 2 * half) : (low - half)...(high + half)
        }
        guard pad else { return low...high }
        let margin = (high - low) * padding
        let padLow = includeZero && low == 0 ? 0 : low - margin
        let padHigh = includeZero && high == 0 ? 0 : high + margin
        return padLow...padHigh
    }

    /// A given axis range when it can be drawn: finite and not empty.
    static func usable(_ range: ClosedRange<Double>?) -> ClosedRange<Double>? {
        guard let range, range.lowerBound.isFinite, range.upperBound.isFinite,
            range.upperBound > range.lowerBound
        else { return nil }
        return range
    }

    /// A tick step, `mantissa × 10^exponent` with mantissa 1, 2 or 5, and the ticks'
    /// indices: tick `i` sits at `i × step`, for `i` in `first...last`.
    struct Step {
        var mantissa: Int
        var exponent: Int
        var first: Int
        var last: Int

        /// The exact decimal value of tick `index` (dividing by 10^-e, which is exact, for small steps).
        func value(_ index: Int) -> Double {
            let units = Double(index * mantissa)
            return exponent >= 0 ? units * SVGRenderer.power10(exponent) : units / SVGRenderer.power10(-exponent)
        }
    }

    /// The smallest 1, 2 or 5 × 10^k step that puts at most `maximum` ticks inside `domain`.
    static func step(for domain: ClosedRange<Double>, maximum: Int) -> Step? {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0, span.isFinite else { return nil }
        for exponent in (exponent10(span) - 2)...(exponent10(span) + 2) {
            for mantissa in [1, 2, 5] {
                let size = Double(mantissa) * power10(exponent)
                let low = domain.lowerBound / size, high = domain.upperBound / size
                guard abs(low) < 1e12, abs(high) < 1e12 else { continue }
                let first = Int((low - 1e-9).rounded(.up)), last = Int((high + 1e-9).rounded(.down))
                if last - first + 1 <= maximum, first <= last {
                    return Step(mantissa: mantissa, exponent: exponent, first: first, last: last)
                }
            }
        }
        return nil
    }

    /// Ticks at multiples of a 1, 2 or 5 × 10^k step inside `domain`: the smallest such
    /// step that gives at most `maximum` ticks (usually 5 to 8).
    static func ticks(_ domain: ClosedRange<Double>, maximum: Int = 8) -> Ticks {
        step(for: domain, maximum: maximum).map(ticks) ?? Ticks()
    }

    static func ticks(_ step: Step) -> Ticks {
        var ticks = Ticks()
        let largest = max(abs(step.value(step.first)), abs(step.value(step.last)))
        for index in step.first...step.last {
            ticks.values.append(step.value(index))
            ticks.labels.append(tickLabel(mantissa: index * step.mantissa, exponent: step.exponent, largest: largest))
        }
        return ticks
    }

    /// A value axis (bars, histograms) extended outwards to the next tick beyond the data,
    /// so the outermost gridline closes the plot (this is the axis's padding); at most 8 ticks.
    static func valueAxis(_ domain: ClosedRange<Double>) -> (domain: ClosedRange<Double>, ticks: Ticks) {
        let straddles = domain.lowerBound < 0 && domain.upperBound > 0
        guard var step = step(for: domain, maximum: straddles ? 6 : 7) else { return (domain, ticks(domain)) }
        let slack = step.value(1) * 1e-9
        if domain.lowerBound < 0 && step.value(step.first) > domain.lowerBound + slack { step.first -= 1 }
        if domain.upperBound > 0 && step.value(step.last) < domain.upperBound - slack { step.last += 1 }
        let low = domain.lowerBound < 0 ? min(step.value(step.first), domain.lowerBound) : domain.lowerBound
        let high = domain.upperBound > 0 ? max(step.value(step.last), domain.upperBound) : domain.upperBound
        return (low...high, ticks(step))
    }
}
