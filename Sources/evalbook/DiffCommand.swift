import ArgumentParser
import EvalNotebook
import Foundation

/// `evalbook diff OLD NEW` or `evalbook diff reports/NAME`: what changed between two
/// report versions.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract:
            "Compare two report versions: metrics (old, new, change), checks that flipped, params and inputs that changed."
    )

    @Argument(help: "Two version folders (old, then new), or one report folder to compare its last two versions.")
    var folders: [String]

    @Flag(help: "Print JSON instead of Markdown.")
    var json = false

    func validate() throws {
        guard (1...2).contains(folders.count) else {
            throw ValidationError("give two version folders, or one report folder")
        }
    }

    func run() throws {
        let trimmed = folders.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        let diff: ReportDiff
        do throws(DiffError) {
            let (old, new) = trimmed.count == 2 ? (trimmed[0], trimmed[1]) : try ReportDiff.lastTwo(in: trimmed[0])
            diff = try ReportDiff(old: old, new: new)
        } catch {
            Terminal.report(error.diagnostic)
            throw Exit.error
        }
        Terminal.out(json ? diff.json() : diff.markdown())
    }
}
