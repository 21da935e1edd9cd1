import EvalData
import Foundation
import Testing

/// A generated file and the values every reader configuration must return for it.
private struct GeneratedCSV {
    var text = "id,score,segment,flag,late,sparse,note\n"
    var ids: [Double] = []
    var scores: [Double?] = []
    var segments: [String?] = []
    var flags: [Bool?] = []
    var late: [String] = []
    var sparse: [Double?] = []
    var notes: [String] = []

    /// `rows` rows with quoting, CRLF, blank lines, missing values, and two columns whose
    /// type is only decided late in the file, so chunks disagree and must be re-read.
    init(rows: Int, seed: UInt64) {
        var rng = CSVTestRandom(seed: seed)
        let words = ["alpha", "beta", "gamma, delta", "say \"hi\"", "two\nlines", "ünï", "NA"]
        for i in 0..<rows {
            let r = rng.next()
            ids.append(Double(i))
            let score: Double? = r % 17 == 0 ? nil : Double(Int64(r % 2_000_001) - 1_000_000) / 1000
            scores.append(score)
            let w = words[Int((r >> 8) % UInt64(words.count))]
            let segment: String? = w == "NA" ? nil : w
            segments.append(segment)
            let flag: Bool? = r % 11 == 0 ? nil : (r >> 20) % 2 == 0
            flags.append(flag)
            // Numbers until the last tenth of the file, then one word: the column is strings.
            let lateValue = i == rows - rows / 10 ? "word" : "\(i % 97).25"
            late.append(lateValue)
            // Missing for the first two thirds, numbers after: all-missing chunks are `unknown`.
            let sparseValue: Double? = i < 2 * rows / 3 || r % 3 == 0 ? nil : Double(i) * 1e-3
            sparse.append(sparseValue)
            let note = "n\(r % 50)"
            notes.append(note)

            var fields: [String] = ["\(i)"]
            fields.append(score.map { "\($0)" } ?? (r % 2 == 0 ? "" : "NaN"))
            fields.append("\"" + w.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
            fields.append(flag.map { $0 ? "True" : "false" } ?? "null")
            fields.append(lateValue)
            fields.append(sparseValue.map { "\($0)" } ?? "")
            fields.append(r % 5 == 0 ? "\"\(note)\"" : note)
            text += fields.joined(separator: ",") + (r % 7 == 0 ? "\r\n" : "\n")
            if r % 53 == 0 { text += "\n" }  // a blank line now and then
        }
    }
}

/// Output must not depend on the number of threads or chunks (SPEC §8: fixed chunking).
@Suite("CSV reader: thread and chunk independence")
struct CSVChunkingTests {
    @Test("threads 1, 2 and 4 with many chunk counts give identical tables with the right values")
    func independence() throws {
        let data = GeneratedCSV(rows: 4000, seed: 42)
        let reference = try CSVTest.table(data.text, options: CSVTest.options(threads: 1, chunks: nil))

        #expect(reference.rowCount == 4000)
        #expect(reference.columns.map(\.type) == [.number, .number, .string, .bool, .string, .number, .string])
        #expect(reference.csvNumbers("id") == data.ids)
        let scores = try #require(reference.csvNumbers("score"))
        #expect(zip(scores, data.scores).allSatisfy { $1 == nil ? $0.isNaN : $0 == $1 })
        #expect(reference.csvMissing("score") == data.scores.map { $0 == nil })
        #expect(reference.csvStrings("segment") == data.segments)
        #expect(reference.csvMissing("flag") == data.flags.map { $0 == nil })
        #expect(reference.csvBools("flag") == data.flags.map { $0 ?? false })
        #expect(reference.csvStrings("late") == data.late)
        #expect(reference.csvMissing("sparse") == data.sparse.map { $0 == nil })
        let sparse = try #require(reference.csvNumbers("sparse"))
        #expect(zip(sparse, data.sparse).allSatisfy { $1 == nil ? $0.isNaN : $0 == $1 })
        #expect(reference.csvStrings("note") == data.notes)

        for threads in [1, 2, 4] {
            for chunks in [nil, 2, 3, 7, 16, 64, 1000] as [Int?] {
                let t = try CSVTest.table(data.text, options: CSVTest.options(threads: threads, chunks: chunks))
                let same = CSVTest.identical(t, reference)  // a Bool, so a failure does not print tables
                #expect(same, "threads \(threads), chunks \(String(describing: chunks))")
            }
        }
    }

    @Test("projection and forced types are chunk-independent too")
    func independenceWithOptions() throws {
        let data = GeneratedCSV(rows: 3000, seed: 7)
        var base = CSVOptions()
        base.columns = ["note", "late", "score"]
        base.types = ["late": .string, "score": .number]
        let reference = try CSVTest.table(data.text, options: CSVTest.options(threads: 1, chunks: nil, base: base))
        #expect(reference.names == ["note", "late", "score"])
        for (threads, chunks) in [(2, 2), (2, 9), (4, 31)] {
            let t = try CSVTest.table(data.text, options: CSVTest.options(threads: threads, chunks: chunks, base: base))
            let same = CSVTest.identical(t, reference)
            #expect(same, "threads \(threads), chunks \(chunks)")
        }
    }

    @Test("an error deep in a multi-chunk file is the same first error for every chunking")
    func errorsAreChunkIndependent() throws {
        var text = GeneratedCSV(rows: 2000, seed: 3).text
        let firstBad = text.count
        text += "1,2,\"unclosed,true,x,1,n\n"
        text += GeneratedCSV(rows: 500, seed: 4).text.split(separator: "\n", maxSplits: 1)[1]
        let reference = try #require(CSVTest.error(Array(text.utf8), options: CSVTest.options(threads: 1, chunks: nil)))
        // The stray quote runs on to the next row's quoted field and stops at its text.
        #expect(reference.kind == .textAfterQuote)
        let expectedLine = text.prefix(firstBad).filter { $0 == "\n" || $0 == "\r\n" }.count + 1
        #expect(reference.line == expectedLine)
        #expect(reference.field == 3)
        for (threads, chunks) in [(2, 2), (2, 5), (4, 13), (4, 100)] {
            let e = CSVTest.error(Array(text.utf8), options: CSVTest.options(threads: threads, chunks: chunks))
            #expect(e == reference)
        }
    }

    @Test("blank lines in a file without quotes are closed up across chunks")
    func blankLinesWithoutQuotes() throws {
        // Without quotes, rows are bounded by counting lines, so blank lines leave gaps
        // that must be closed; runs of blank lines also trigger the exact count.
        var rng = CSVTestRandom(seed: 99)
        var text = "k,v,s\n"
        var keys: [Double] = []
        var labels: [String] = []
        for i in 0..<3000 {
            let r = rng.next()
            keys.append(Double(i))
            labels.append("s\(r % 9)")
            text += "\(i),\(Double(r % 1000) / 8),s\(r % 9)" + (r % 4 == 0 ? "\r\n" : "\n")
            if r % 10 == 0 { text += "\n" }
            if r % 97 == 0 { text += String(repeating: "\n", count: 50) }
        }
        for (threads, chunks) in [(1, nil), (2, 2), (2, 11), (4, 64)] as [(Int, Int?)] {
            let t = try CSVTest.table(text, options: CSVTest.options(threads: threads, chunks: chunks))
            #expect(t.rowCount == 3000)
            #expect(t.csvNumbers("k") == keys)
            #expect(t.csvStrings("s") == labels)
        }
    }

    @Test("the default chunking of a large input matches a single chunk")
    func largeDefaultChunking() throws {
        let data = GeneratedCSV(rows: 30_000, seed: 11)
        #expect(data.text.utf8.count > 1 << 20)  // large enough for several default chunks
        let one = try CSVTest.table(data.text, options: CSVTest.options(threads: 1, chunks: nil))
        let many = try CSVTest.table(data.text, options: CSVTest.options(threads: 2, chunks: nil))
        let same = CSVTest.identical(one, many)
        #expect(same)
    }
}
