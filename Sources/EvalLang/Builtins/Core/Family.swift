/// The group a builtin is listed under in `evalbook functions` and `:functions`.
///
/// The cases are declared in catalogue order, so `allCases` is the order the
/// headings print in, and each family is one heading however its builtins are
/// registered.
package enum Family: CaseIterable, Sendable, Equatable {
    case data
    case tables
    case columnMaths
    case regression
    case classification
    case calibrationAndCurves
    case ranking
    case multilabel
    case business
    case experiments
    case checks
    case figures
    case models

    /// The heading of the family's section of the catalogue.
    package var title: String {
        switch self {
        case .data: "Data"
        case .tables: "Tables"
        case .columnMaths: "Column maths"
        case .regression: "Regression"
        case .classification: "Classification"
        case .calibrationAndCurves: "Calibration and curves"
        case .ranking: "Ranking"
        case .multilabel: "Multilabel"
        case .business: "Business"
        case .experiments: "Experiments"
        case .checks: "Checks"
        case .figures: "Figures"
        case .models: "Models"
        }
    }

    /// The family's place in the catalogue, first to last.
    var order: Int { Family.allCases.firstIndex(of: self) ?? Family.allCases.count }
}
