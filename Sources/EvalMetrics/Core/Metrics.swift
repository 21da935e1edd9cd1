/// Namespace for the metric kernels; each one validates its input, then computes.
///
/// Kernels work on contiguous `[Double]` buffers (SPEC §8) and match scikit-learn's
/// definitions to 1e-9 relative, except where SPEC §5's undefined-result rule differs:
/// where scikit-learn returns a conventional 0, 1 or NaN, these return a nil value with
/// a warning. Optional `weights` are scikit-learn's `sample_weight`.
package enum Metrics {}
