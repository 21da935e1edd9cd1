/// The tool's version: the one constant behind `evalbook --version`, the REPL banner, the HTML footer and every
/// manifest's `tool.version`.
package enum EvalbookVersion {
    package static let current = "0.1.0"
}
