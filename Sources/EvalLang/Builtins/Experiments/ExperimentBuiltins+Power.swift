import EvalData
import EvalMetrics
import Foundation
import OrderedCollections

/// Power, sample size and detectable effect: the option readers and the builtins' bodies.
extension ExperimentBuiltins {
    /// `test:` and `alternative:` of the power builtins.
    static func powerOptions(_ args: Arguments) throws(RuntimeError) -> (PowerTest, TestAlternative) {
        let test = try args.choice("test", PowerTest.allCases.map(\.rawValue), default: "z")
        return (PowerTest(rawValue: test) ?? .z, try alternative(args, scipy: false))
    }

    /// `alternative:`: statsmodels' names ("two-sided", "larger", "smaller") or scipy's
    /// ("less", "greater"), whichever the builtin mirrors listed first; both are accepted.
    static func alternative(_ args: Arguments, scipy: Bool) throws(RuntimeError) -> TestAlternative {
        let names =
            scipy
            ? ["two-sided", "less", "greater", "smaller", "larger"]
            : ["two-sided", "larger", "smaller", "less", "greater"]
        switch try args.choice("alternative", names, default: "two-sided") {
        case "larger", "greater": return .larger
        case "smaller", "less": return .smaller
        default: return .twoSided
        }
    }

    static func sampleSize(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let alpha = try args.number("alpha", default: 0.05), power = try args.number("power", default: 0.8)
        let ratio = try args.number("ratio", default: 1)
        let (test, alternative) = try powerOptions(args)
        let rates = args.has("baseline") || args.has("mde")
        if rates, args.has("effect_size") {
            throw .invalidArgument(
                "give `sample_size` either baseline: and mde: (two rates) or effect_size:, not both",
                args.span("effect_size"))
        }
        if rates, test == .t {
            throw .invalidArgument(
                "baseline: and mde: describe two conversion rates, which the z-test compares; a t-test takes effect_size: (Cohen's d)",
                args.span("test"), help: "for a difference of means, effect_size: difference / standard deviation")
        }
        let r: SampleSizeResult
        if rates || !args.has("effect_size") {
            let baseline = try args.number("baseline"), mde = try args.number("mde")
            r = try run(args) { () throws(MetricError) in
                try Experiments.sampleSize(
                    baseline: baseline, mde: mde, alpha: alpha, power: power, ratio: ratio, alternative: alternative)
            }
        } else {
            let effect = try args.number("effect_size")
            r = try run(args) { () throws(MetricError) in
                try Experiments.sampleSize(
                    effectSize: effect, alpha: alpha, power: power, ratio: ratio, test: test, alternative: alternative)
            }
        }
        warn(&interpreter, args, r.warnings)
        var record = Record()
        record["n_a"] = .number(r.nARoundedUp)
        record["n_b"] = .number(r.nBRoundedUp)
        record["total"] = .number(r.nARoundedUp + r.nBRoundedUp)
        record["effect_size"] = .number(r.effectSize)
        record["n_a_exact"] = .number(r.nA)
        return .record(record)
    }

    static func detectableEffect(_ interpreter: inout Interpreter, _ args: Arguments) throws(RuntimeError) -> Value {
        let n = try args.number("n")
        let alpha = try args.number("alpha", default: 0.05), power = try args.number("power", default: 0.8)
        let ratio = try args.number("ratio", default: 1)
        let (test, alternative) = try powerOptions(args)
        if args.has("baseline"), test == .t {
            throw .invalidArgument(
                "baseline: turns a z-test's Cohen's h into a lift of a conversion rate; a t-test's effect is Cohen's d",
                args.span("baseline"))
        }
        let effect = try run(args) { () throws(MetricError) in
            try Experiments.detectableEffect(
                n: n, alpha: alpha, power: power, ratio: ratio, test: test, alternative: alternative)
        }
        var record = Record()
        record["effect_size"] = .number(effect)
        if args.has("baseline") {
            let baseline = try args.number("baseline")
            let lift = try run(args) { () throws(MetricError) in
                try Experiments.lift(baseline: baseline, effectSize: effect)
            }
            if let warning = lift.warning { interpreter.warn(warning, args) }
            record["mde"] = number(lift.value)
            record["rate_b"] = number(lift.value.map { baseline + $0 })
        }
        record["n_a"] = .number(n)
        record["n_b"] = .number(n * ratio)
        record["power"] = .number(power)
        return .record(record)
    }
}
