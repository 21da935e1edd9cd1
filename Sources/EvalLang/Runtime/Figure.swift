/// A chart as data: what the figure builtins return, and what the renderers draw
/// (SVG in reports, a terminal chart in the REPL).
///
/// A figure holds only numbers and text, never drawing instructions, so the same value
/// renders deterministically everywhere: reports get byte-identical SVG on every run.
package struct Figure: Sendable, Equatable {
    package enum Kind: String, Sendable, Equatable {
        /// Connected points per series (curves: ROC, PR, profit, calibration).
        case line
        /// Unconnected points per series.
        case scatter
        /// One bar per category per series; `categories` names the x positions.
        case bar
        /// Bars over bins: `x` holds the bin edges (one more than `y`'s counts).
        case histogram
        /// A grid of values (a confusion matrix): `matrix` rows by `categories` columns.
        case heatmap
    }

    /// One named set of points; `name` is the legend label (a `by:` group), nil alone.
    package struct Series: Sendable, Equatable {
        package var name: String?
        package var x: [Double]
        package var y: [Double]

        package init(name: String? = nil, x: [Double], y: [Double]) {
            self.name = name
            self.x = x
            self.y = y
        }
    }

    package var kind: Kind
    package var title: String
    package var xLabel: String
    package var yLabel: String
    package var series: [Series]
    /// Bar and heatmap labels, in position order.
    package var categories: [String]
    /// Heatmap rows (`rowLabels`) by columns (`categories`).
    package var matrix: [[Double]]
    package var rowLabels: [String]
    /// A dashed reference segment (x0, y0, x1, y1), such as the ROC chance diagonal.
    package var reference: [Double]?
    /// Axis bounds the chart has by nature (rates in [0, 1]); nil means from the data.
    package var xRange: ClosedRange<Double>?
    package var yRange: ClosedRange<Double>?

    package init(
        kind: Kind, title: String, xLabel: String, yLabel: String, series: [Series] = [],
        categories: [String] = [], matrix: [[Double]] = [], rowLabels: [String] = [],
        reference: [Double]? = nil, xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil
    ) {
        self.kind = kind
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.categories = categories
        self.matrix = matrix
        self.rowLabels = rowLabels
        self.reference = reference
        self.xRange = xRange
        self.yRange = yRange
    }

    /// The one-line summary shown for a binding: `figure line "ROC curve", 2 series`.
    package var summary: String {
        let count = kind == .heatmap ? "\(rowLabels.count) × \(categories.count)" : "\(series.count) series"
        return "figure \(kind.rawValue) \"\(title)\", \(count)"
    }
}
