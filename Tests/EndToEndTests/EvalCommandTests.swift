import Foundation
import Testing

/// `evalbook eval` and `evalbook functions`, run as a user would.
@Suite("evalbook eval and functions")
struct EvalCommandTests {
    @Test("eval prints 4 for mean([1, 2, 3]) * 2 and exits 0")
    func evalMean() throws {
        let result = try Evalbook.run(["eval", "mean([1, 2, 3]) * 2"])
        #expect(result.exited && result.status == 0, "\(result)")
        #expect(result.stdout == "4\n")
        #expect(result.stderr == "")
    }

    @Test("eval --json prints outputs at full precision, checks and warnings")
    func evalJSON() throws {
        let result = try Evalbook.run(["eval", "--json", "x = 0.1 + 0.2; x; [1, 2.5]; expect x > 1, \"big\""])
        #expect(result.exited && result.status == 0, "\(result)")
        #expect(
            result.stdout == """
                {
                  "outputs": [
                    0.30000000000000004,
                    [1, 2.5]
                  ],
                  "checks": [
                    {
                      "expression": "x > 1",
                      "passed": false,
                      "detail": "0.3 <= 1",
                      "message": "big",
                      "line": 1
                    }
                  ],
                  "warnings": []
                }

                """)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let outputs = object?["outputs"] as? [Any]
        #expect(outputs?.count == 2)
        #expect((outputs?.last as? [Double]) == [1, 2.5])
        let checks = object?["checks"] as? [[String: Any]]
        #expect(checks?.first?["expression"] as? String == "x > 1")
        #expect(checks?.first?["passed"] as? Bool == false)
        #expect(object?["warnings"] as? [Any] != nil)
    }

    @Test("eval --json lists warnings")
    func evalJSONWarnings() throws {
        let result = try Evalbook.run(["eval", "--json", "roc_auc([1, 1], [0.1, 0.2])"])
        #expect(result.exited && result.status == 0, "\(result)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((object?["outputs"] as? [Any])?.first is NSNull)
        let warnings = object?["warnings"] as? [String]
        #expect(warnings?.count == 1)
        #expect(warnings?.first?.contains("roc_auc") == true)
    }

    @Test("eval shows a table and a record readably")
    func evalTable() throws {
        let result = try Evalbook.run(["eval", "table(a: [1, 2], b: [\"x\", \"y\"])"])
        #expect(result.exited && result.status == 0, "\(result)")
        #expect(result.stdout.contains("a"))
        #expect(result.stdout.contains("x"))
    }

    @Test(
        "an eval error is a §5b diagnostic on stderr and exit 2",
        arguments: [
            (
                "mean([1,",
                "<eval>:1:9: error: unexpected end of input: expected an expression\n   1 | mean([1,\n     |         ^\n"
            ),
            (
                "x = [1, 2]; meen(x)",
                "<eval>:1:13: error: unknown name `meen`\n   1 | x = [1, 2]; meen(x)\n     |             ^^^^\nhelp: did you mean `mean`?\n"
            ),
        ])
    func evalError(code: String, expected: String) throws {
        let result = try Evalbook.run(["eval", code])
        #expect(result.exited && result.status == 2, "\(result)")
        #expect(result.stdout == "")
        #expect(result.stderr == expected)
    }

    @Test("functions roc lists roc_auc with its signature")
    func functionsFilter() throws {
        let result = try Evalbook.run(["functions", "roc"])
        #expect(result.exited && result.status == 0, "\(result)")
        #expect(result.stdout.contains("roc_auc(y, p"))
        #expect(!result.stdout.contains("mean("))
    }

    @Test("functions without a filter lists the catalogue")
    func functionsAll() throws {
        let result = try Evalbook.run(["functions"])
        #expect(result.exited && result.status == 0, "\(result)")
        for name in ["read_csv(", "mean(", "mae(", "rmse(", "accuracy(", "roc_auc("] {
            #expect(result.stdout.contains(name), "\(name) is missing")
        }
    }

    @Test("functions with a filter that matches nothing exits 2 with a suggestion")
    func functionsNoMatch() throws {
        let result = try Evalbook.run(["functions", "rmsee"])
        #expect(result.exited && result.status == 2, "\(result)")
        #expect(result.stdout == "")
        #expect(result.stderr == "error: no builtin matches `rmsee`\nhelp: did you mean `rmse`?\n")
    }
}
