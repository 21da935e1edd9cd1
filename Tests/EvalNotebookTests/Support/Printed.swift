import EvalLang

@testable import evalbook

/// A finding as the executable prints it (without colour), so tests assert the text users see.
func printed(_ diagnostic: Diagnostic) -> String {
    DiagnosticPrinter().render(diagnostic)
}
