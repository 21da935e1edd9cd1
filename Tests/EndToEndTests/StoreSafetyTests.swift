import Foundation
import Synchronization
import Testing

/// The report store under hostile manifests, odd names, links, pipes, concurrent runs and `kill -9`.
@Suite("Store safety", .serialized)
struct StoreSafetyTests {
    static let notebook = """
        ---
        title: Safe
        ---

        ```evalbook
        t = read_csv("data/scores.csv")
        auc = roc_auc(t.y, t.p)
        expect auc > 0.5
        ```

        """

    static let csv = "y,p\n0,0.1\n1,0.8\n1,0.7\n0,0.3\n"

    private func project(_ notebook: String = Self.notebook, name: String = "safe.md") throws -> Project {
        let project = try Project()
        try project.write(Self.csv, to: "data/scores.csv")
        try project.write(notebook, to: name)
        return project
    }

    private func manifest(_ project: Project, _ version: String) throws -> String {
        try String(contentsOf: project.reports.appendingPathComponent("safe/\(version)/manifest.json"), encoding: .utf8)
    }

    private func setManifest(_ project: Project, _ version: String, _ text: String) throws {
        try Data(text.utf8).write(to: project.reports.appendingPathComponent("safe/\(version)/manifest.json"))
    }

    private func replay(_ project: Project, _ version: String = "v1") throws -> Evalbook.Result {
        try Evalbook.run(
            ["replay", project.reports.appendingPathComponent("safe/\(version)").path, "--root", project.root.path],
            in: project.root)
    }

    @Test("a manifest naming inputs outside the project, or a device, does not make replay read them")
    func hostileInputPaths() throws {
        let project = try project()
        defer { project.remove() }
        #expect(try project.run("safe.md").status == 0)
        let original = try manifest(project, "v1")
        for hostile in ["/etc/passwd", "../../../../etc/passwd", "/dev/zero", "/dev/stdin"] {
            try setManifest(
                project, "v1", original.replacingOccurrences(of: "\"data/scores.csv\"", with: "\"\(hostile)\""))
            let result = try replay(project)
            #expect(result.exited && result.status == 1, "\(hostile): \(result)")
            #expect(
                result.stderr.contains("the manifest names an input outside what the notebook may read"), "\(result)")
        }
    }

    @Test("replay checks the manifest's own claims and names files the run did not make")
    func forgedVersions() throws {
        let project = try project()
        defer { project.remove() }
        #expect(try project.run("safe.md").status == 0)
        #expect(try replay(project).status == 0)
        let original = try manifest(project, "v1")
        // A check count the run does not have.
        try setManifest(
            project, "v1", original.replacingOccurrences(of: "\"passed\": 1", with: "\"passed\": 7"))
        var result = try replay(project)
        #expect(result.status == 1 && result.stderr.contains("the manifest records 7 passed"), "\(result)")
        try setManifest(project, "v1", original)
        // A file that is not one of the run's outputs.
        try project.write("planted", to: "reports/safe/v1/figures/extra.svg")
        result = try replay(project)
        #expect(result.status == 1 && result.stderr.contains("figures/extra.svg: error: a file the run did not make"))
        try FileManager.default.removeItem(at: project.reports.appendingPathComponent("safe/v1/figures"))
        // An output hash that no longer matches its file.
        let html = project.reports.appendingPathComponent("safe/v1/report.html")
        try Data((try String(contentsOf: html, encoding: .utf8) + " ").utf8).write(to: html)
        result = try replay(project)
        #expect(result.status == 1 && result.stderr.contains("the manifest's hash of `report.html` does not match"))
    }

    @Test("a huge number in a manifest is a located error, not a trap")
    func hugeNumbers() throws {
        let project = try project()
        defer { project.remove() }
        #expect(try project.run("safe.md").status == 0)
        let original = try manifest(project, "v1")
        try setManifest(project, "v1", original.replacingOccurrences(of: "\"seed\": 0", with: "\"seed\": 1e400"))
        let result = try replay(project)
        #expect(result.exited && result.status == 2, "\(result)")
        #expect(result.stderr.contains("manifest.json"))
    }

    @Test("a seed above 2^53 is kept exactly and replays; a --param beyond any double is refused")
    func numbersAtTheEdges() throws {
        let project = try project(
            Self.notebook.replacingOccurrences(of: "title: Safe", with: "title: Safe\nseed: 18446744073709551615"))
        defer { project.remove() }
        #expect(try project.run("safe.md").status == 0)
        #expect(try manifest(project, "v1").contains("\"seed\": 18446744073709551615,"))
        let replayed = try replay(project)
        #expect(replayed.status == 0 && replayed.stdout.hasPrefix("reproduced v1"), "\(replayed)")
        let withParams = try self.project(
            "---\nparams:\n  k: 1\n---\n\n```evalbook\nx = 1\n```\n", name: "p.md")
        defer { withParams.remove() }
        let huge = try withParams.run("p.md", ["--param", "k=1e400"])
        #expect(huge.status == 2 && huge.stderr.contains("1e400 is outside the range of numbers"), "\(huge)")
    }

    @Test("notebook names that would leave reports/ become safe folder names")
    func reportNames() throws {
        for name in ["..md", "...md", ".hidden.md"] {
            let project = try project(name: name)
            defer { project.remove() }
            let result = try project.run(name)
            #expect(result.exited && result.status == 0, "\(name): \(result)")
            let folders = project.list("reports")
            #expect(folders.count == 1 && folders[0].hasPrefix("notebook"), "\(name): \(folders)")
            #expect(project.list("").filter { $0.hasPrefix("v") }.isEmpty, "nothing written beside reports/")
        }
    }

    @Test("a report folder that is a symbolic link is refused; so is --reports ''")
    func links() throws {
        let project = try project()
        defer { project.remove() }
        let elsewhere = try Project()
        defer { elsewhere.remove() }
        try FileManager.default.createDirectory(at: project.reports, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: project.reports.appendingPathComponent("safe"), withDestinationURL: elsewhere.root)
        let linked = try project.run("safe.md")
        #expect(linked.status == 2 && linked.stderr.contains("is a symbolic link"), "\(linked)")
        #expect(elsewhere.list("").isEmpty)
        let empty = try Evalbook.run(
            ["run", "safe.md", "--root", project.root.path, "--reports", ""], in: project.root)
        #expect(empty.status == 2 && empty.stderr.contains("--reports needs a folder"), "\(empty)")
    }

    @Test("an unwritable --junit path makes the run fail")
    func unwritableJUnit() throws {
        let project = try project()
        defer { project.remove() }
        let result = try project.run(
            "safe.md", ["--junit", project.root.appendingPathComponent("no/such/dir/j.xml").path])
        #expect(result.exited && result.status == 2, "\(result)")
        #expect(result.stderr.contains("j.xml: error: cannot write this file"))
    }

    @Test("reading a pipe is refused at once instead of blocking")
    func pipes() throws {
        let project = try project(
            "```evalbook\nt = read_csv(\"data/pipe.csv\")\n```\n")
        defer { project.remove() }
        let pipe = project.root.appendingPathComponent("data/pipe.csv").path
        #expect(mkfifo(pipe, 0o644) == 0)
        let result = try project.run("safe.md")
        #expect(result.status == 2 && result.stderr.contains("it is not a regular file"), "\(result)")
    }

    /// Versions, `latest` and `index.md` agree with each other; every version is complete.
    private func checkStore(_ project: Project, _ label: String) throws {
        let folder = project.reports.appendingPathComponent("safe")
        let versions = project.list("reports/safe").filter { $0.hasPrefix("v") }.sorted {
            (Int($0.dropFirst()) ?? 0) < (Int($1.dropFirst()) ?? 0)
        }
        for version in versions {
            let files = project.list("reports/safe/\(version)")
            #expect(
                files == ["manifest.json", "metrics.json", "notebook.md", "report.html", "report.md"],
                "\(label): \(version) is incomplete: \(files)")
        }
        guard let newest = versions.last else { return }
        let latest = try String(contentsOf: folder.appendingPathComponent("latest"), encoding: .utf8)
        #expect(latest == newest + "\n", "\(label): latest \(latest) but newest \(newest)")
        let index = try String(contentsOf: folder.appendingPathComponent("index.md"), encoding: .utf8)
        for version in versions {
            #expect(index.contains("[\(version)](\(version)/report.md)"), "\(label): index misses \(version)")
        }
    }

    @Test("eight concurrent runs of one notebook lose nothing and double nothing")
    func concurrentRuns() throws {
        let project = try project()
        defer { project.remove() }
        for round in 0..<4 {
            // Even rounds run one notebook eight times (one version at most); odd rounds eight different params.
            let group = DispatchGroup()
            let results = ResultBox()
            for k in 0..<8 {
                DispatchQueue.global().async(group: group) {
                    let notebook =
                        round % 2 == 0
                        ? Self.notebook
                        : Self.notebook.replacingOccurrences(
                            of: "auc > 0.5", with: "auc > 0.\(round)\(k)")
                    let name = "safe.md"
                    let result = Result { () throws -> Evalbook.Result in
                        let dir = try Project()
                        defer { dir.remove() }
                        try dir.write(notebook, to: name)
                        try dir.write(Self.csv, to: "data/scores.csv")
                        // The same relative notebook path everywhere, so equal notebooks give equal outputs.
                        return try Evalbook.run(
                            ["run", name, "--root", dir.root.path, "--reports", project.reports.path], in: dir.root)
                    }
                    results.append(result)
                }
            }
            group.wait()
            for result in results.all {
                let r = try result.get()
                #expect(r.exited && r.status == 0, "round \(round): \(r)")
            }
            try checkStore(project, "round \(round)")
            #expect(project.list("reports/safe").filter { $0.hasPrefix(".staging") }.isEmpty)
        }
        // Rounds 0 and 2 are one notebook each; rounds 1 and 3 eight distinct ones.
        let versions = project.list("reports/safe").filter { $0.hasPrefix("v") }
        #expect(versions.count == 1 + 8 + 1 + 8, "\(versions)")
    }

    @Test("kill -9 at seeded random moments leaves every version complete; the next run tidies the rest")
    func kills() throws {
        let project = try project(
            Self.notebook.replacingOccurrences(of: "data/scores.csv", with: "data/big.csv"))
        defer { project.remove() }
        var big = "y,p\n"
        for i in 0..<200_000 { big += "\(i % 2),0.\(i % 997)\n" }
        try project.write(big, to: "data/big.csv")
        var generator = SplitMix(seed: 19)
        var killed = 0
        for attempt in 0..<120 {
            // Each run differs (a new threshold), so every completed run makes a version.
            let notebook = Self.notebook.replacingOccurrences(of: "data/scores.csv", with: "data/big.csv")
                .replacingOccurrences(of: "auc > 0.5", with: "auc > 0.\(1000 + attempt)")
            try project.write(notebook, to: "safe.md")
            let process = Process()
            process.executableURL = Evalbook.binary
            process.arguments = ["run", "safe.md", "--root", project.root.path, "--reports", project.reports.path]
            process.currentDirectoryURL = project.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(generator.next() % 400_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            // Whatever moment the kill came at, no version is partial.
            for version in project.list("reports/safe").filter({ $0.hasPrefix("v") }) {
                #expect(
                    project.list("reports/safe/\(version)").count == 5, "attempt \(attempt): \(version) is partial")
            }
        }
        #expect(killed > 20, "the delays should kill many runs (\(killed))")
        #expect(try project.run("safe.md").exited)
        try checkStore(project, "after the kills")
        #expect(project.list("reports/safe").filter { $0.hasPrefix(".staging") }.isEmpty, "staging left behind")
        let versions = project.list("reports/safe").filter { $0.hasPrefix("v") }.sorted {
            (Int($0.dropFirst()) ?? 0) < (Int($1.dropFirst()) ?? 0)
        }
        let numbers = versions.compactMap { Int($0.dropFirst()) }
        #expect(numbers == Array(1...numbers.count), "versions are numbered without gaps or doubles: \(versions)")
    }
}

/// Results gathered from concurrent jobs.
private final class ResultBox: Sendable {
    private let items = Mutex<[Result<Evalbook.Result, any Error>]>([])

    func append(_ item: Result<Evalbook.Result, any Error>) {
        items.withLock { $0.append(item) }
    }

    var all: [Result<Evalbook.Result, any Error>] { items.withLock { $0 } }
}

/// A small seeded generator, so the kill moments are the same every run.
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
