import EvalLang
import Foundation
import Synchronization
import Testing

/// `leaderboard` reports how far it got through the session's progress hook.
@Suite("Leaderboard progress")
struct LeaderboardProgressTests {
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        func add(_ line: String) { lines.withLock { $0.append(line) } }
    }

    @Test func everyModelIsCountedThenTheLineIsCleared() throws {
        let root = Bundle.module.resourceURL?.appendingPathComponent("Cases").path ?? "."
        var session = Session(files: FileAccess(root: root, allowed: []))
        let lines = Lines()
        session.progress = { lines.add($0) }
        var interpreter = Interpreter(session: session)
        let code = """
            m = load_model("data/model_binary.txt")
            t = table(plan_changes: [1, 0, 2], tenure_months: [12, 40, 3], monthly_revenue: [30.5, 120, 15], \
            support_tickets: [2, 0, 4], logins_30d: [10, 20, 1], discount_used: [0, 1, 1])
            b = leaderboard([m, m, m], t, [0, 0, 1])
            """
        _ = try interpreter.run(SourceText(name: "<test>", text: code))
        let seen = lines.lines.withLock { $0 }
        // Models finish in any order on two threads, but the counts rise one by one.
        #expect(seen == ["leaderboard: 1 of 3 models", "leaderboard: 2 of 3 models", "leaderboard: 3 of 3 models", ""])
    }
}
