import EvalData
import EvalSQL
import Testing

/// Identifiers are always quoted, values always bound, and the dialects differ only
/// where the engines do.
@Suite struct DialectTests {
    let edge = Relation(
        source: .table("edge"),
        columns: [
            RelationColumn(name: "label", type: .number, engineType: "integer"),
            RelationColumn(name: "score", type: .number, engineType: "double precision"),
            RelationColumn(name: "segment", type: .string, engineType: "text"),
            RelationColumn(name: "day", type: .string, engineType: "date"),
        ])

    @Test func quotingDoublesTheQuote() {
        #expect(PostgreSQLDialect().quote("a\"b") == "\"a\"\"b\"")
        #expect(SparkSQLDialect().quote("a`b") == "`a``b`")
        #expect(PostgreSQLDialect().quote("x\"; DROP TABLE t; --") == "\"x\"\"; DROP TABLE t; --\"")
    }

    @Test func valuesAreBoundNeverSpliced() {
        let injection = "EU' OR '1'='1"
        let relation = edge.filtered(by: .binary(.equal, .column("segment"), .text(injection)))
        let statement = SQLBuilder.count(relation, dialect: PostgreSQLDialect())
        #expect(statement.text == "SELECT COUNT(*) AS \"n\" FROM \"edge\" WHERE (\"segment\" = $1)")
        #expect(statement.binds == [.text(injection)])
        #expect(!statement.text.contains("EU"))
    }

    @Test func tableNamesAreOneQuotedIdentifier() {
        let relation = Relation(source: .table("edge\"; DELETE FROM edge; --"), columns: [])
        let text = SQLBuilder.count(relation, dialect: PostgreSQLDialect()).text
        #expect(text == "SELECT COUNT(*) AS \"n\" FROM \"edge\"\"; DELETE FROM edge; --\"")
    }

    @Test func doubleTypeAndFilteredAggregatesFollowTheEngine() {
        let pg = PostgreSQLDialect()
        let spark = SparkSQLDialect()
        #expect(pg.castDouble("x") == "CAST(x AS DOUBLE PRECISION)")
        #expect(spark.castDouble("x") == "CAST(x AS DOUBLE)")
        #expect(pg.filteredCount(where: "c") == "COUNT(*) FILTER (WHERE c)")
        #expect(spark.filteredCount(where: "c") == "COALESCE(SUM(CASE WHEN c THEN 1 ELSE 0 END), 0)")
        #expect(pg.placeholder(3) == "$3")
        #expect(spark.placeholder(3) == "?")
    }

    @Test func theHistogramGroupsInTheEngineWithPlaceholdersInTextOrder() {
        let relation = edge.filtered(by: .binary(.greater, .column("score"), .number(0.1)))
        let statement = ScoreCells.statement(
            relation, label: .binary(.equal, .column("segment"), .text("EU")), score: .column("score"),
            weight: .binary(.multiply, .column("label"), .number(2)), group: .column("segment"),
            dialect: SparkSQLDialect())
        // The catalog here is PostgreSQL's (`text`), which Spark reads as a type to cast.
        #expect(
            statement.text.hasPrefix(
                "SELECT CAST(`segment` AS STRING) AS `g`, `score` AS `s`, (CAST(`segment` AS STRING) = ?) AS `y`"))
        #expect(statement.text.hasSuffix("FROM `edge` WHERE (`score` > CAST(? AS DOUBLE)) GROUP BY 1, 2, 3"))
        #expect(statement.binds == [.text("EU"), .number(2), .number(2), .number(0.1)])
    }

    @Test func nonTextColumnsCompareAsText() {
        let relation = edge.filtered(by: .binary(.equal, .column("day"), .text("2024-01-01")))
        let text = SQLBuilder.count(relation, dialect: PostgreSQLDialect()).text
        #expect(text.contains("CAST(\"day\" AS TEXT) = $1"))
    }

    @Test func aQueryIsASubqueryWithoutItsSemicolon() {
        let relation = Relation(source: .query("SELECT 1 AS a;  "), columns: [])
        #expect(
            SQLBuilder.count(relation, dialect: PostgreSQLDialect()).text
                == "SELECT COUNT(*) AS \"n\" FROM (SELECT 1 AS a) AS \"evalbook_query\"")
    }

    @Test func urlsNeverHoldPasswords() throws {
        #expect(throws: SQLError.self) { try ConnectionURL.parse("postgresql://u:pw@h:5432/d", connection: "w") }
        #expect(throws: SQLError.self) { try ConnectionURL.parse("postgresql://u@h/d?password=pw", connection: "w") }
        let url = try ConnectionURL.parse("postgresql://u@h:6543/d?statement_timeout=500", connection: "w")
        #expect(url.address == "h:6543" && url.database == "d" && url.statementTimeout == 500)
    }

    @Test func connectionsFileReadsItsTable() throws {
        let text = """
            # evalbook.toml
            [other]
            x = "y"
            [connections]
            warehouse = "postgresql://analyst@db:5432/wh"
            """
        let parsed = try ConnectionsFile.parse(text, path: "evalbook.toml")
        #expect(parsed.map(\.name) == ["warehouse"])
        #expect(parsed.first?.url.text == "postgresql://analyst@db:5432/wh")
    }
}
