import EvalData
import Foundation
import Testing

/// Values, quoting, line endings, missing tokens and inference of well-formed files.
@Suite("CSV reader: well-formed input")
struct CSVReaderTests {
    @Test("a typical fixture file reads with the right names, types and values")
    func typicalFile() throws {
        let path = try #require(CSVTest.fixture("typical.csv"))
        let t = try CSVReader.read(path: path)
        #expect(t.names == ["id", "label", "score", "amount", "segment", "y_true", "y_pred"])
        #expect(t.rowCount == 4)
        #expect(t.columns.map(\.type) == [.number, .number, .number, .number, .string, .number, .number])
        #expect(t.csvNumbers("id") == [1, 2, 3, 4])
        #expect(t.csvNumbers("score") == [0.282955, 0.491106, 0.5, -250])
        #expect(t.csvMissing("amount") == [false, false, true, false])
        #expect(t.csvStrings("segment") == ["epsilon", "eta", "alpha, beta", "say \"hi\""])
        #expect(t.csvNumbers("y_true") == [-0.099222, 0.196004, 0.001, .infinity])
        let yPred = try #require(t.csvNumbers("y_pred"))
        #expect(yPred[3] == -.infinity)
        #expect(t.csvMissing("y_pred") == [false, false, true, false])
    }

    @Test("BOM, CRLF, semicolons and a quoted CRLF inside a field")
    func bomCRLFSemicolon() throws {
        let path = try #require(CSVTest.fixture("bom_crlf_semicolon.csv"))
        var options = CSVOptions()
        options.delimiter = UInt8(ascii: ";")
        let t = try CSVReader.read(path: path, options: options)
        #expect(t.names == ["name", "flag", "note"])
        #expect(t.csvStrings("name") == ["x", "y"])
        #expect(t.csvBools("flag") == [true, false])
        #expect(t.csvStrings("note") == ["line one\r\nline two", nil])
    }

    @Test("quoted fields hold delimiters, doubled quotes and newlines")
    func quoting() throws {
        let t = try CSVTest.table("a,b\n\"x,y\",\"he said \"\"no\"\"\"\n\"multi\nline\",\"\"\"\"\n")
        #expect(t.csvStrings("a") == ["x,y", "multi\nline"])
        #expect(t.csvStrings("b") == ["he said \"no\"", "\""])
    }

    @Test("LF and CRLF files read the same; a last line without newline is fine")
    func lineEndings() throws {
        let lf = try CSVTest.table("a,b\n1,x\n2,y\n")
        let crlf = try CSVTest.table("a,b\r\n1,x\r\n2,y\r\n")
        let noFinalNewline = try CSVTest.table("a,b\n1,x\n2,y")
        let crlfNoFinal = try CSVTest.table("a,b\r\n1,x\r\n2,y")
        #expect(lf == crlf)
        #expect(lf == noFinalNewline)
        #expect(lf == crlfNoFinal)
        #expect(lf.csvNumbers("a") == [1, 2])
        #expect(lf.csvStrings("b") == ["x", "y"])
    }

    @Test("a CR that does not end a line is data")
    func loneCR() throws {
        let t = try CSVTest.table("a,b\nx\r,y\r\n1\r2,z\n")
        #expect(t.csvStrings("a") == ["x\r", "1\r2"])
        #expect(t.csvStrings("b") == ["y", "z"])
    }

    @Test("blank lines are skipped: trailing, leading and in the middle")
    func blankLines() throws {
        let t = try CSVTest.table("\n\r\na,b\n1,2\n\n3,4\r\n\r\n\n")
        #expect(t.rowCount == 2)
        #expect(t.csvNumbers("a") == [1, 3])
        #expect(t.csvNumbers("b") == [2, 4])
    }

    @Test("a BOM before the header is skipped")
    func bom() throws {
        let t = try CSVTest.parse([0xEF, 0xBB, 0xBF] + Array("x\n1\n".utf8)).get()
        #expect(t.names == ["x"])
    }

    @Test("every missing token is missing in every type, quoted or not")
    func missingTokens() throws {
        let text =
            "n,s,b\n1,a,true\n,,\nNA,NA,NA\nN/A,\"N/A\",N/A\nNaN,NaN,NaN\nnull,null,null\nNone,\"None\",None\n\"\",\"\",\"\"\n"
        let t = try CSVTest.table(text)
        #expect(t.columns.map(\.type) == [.number, .string, .bool])
        for name in ["n", "s", "b"] {
            #expect(t.csvMissing(name) == [false] + Array(repeating: true, count: 7), "column \(name)")
        }
        let n = try #require(t.csvNumbers("n"))
        #expect(n[0] == 1 && n.dropFirst().allSatisfy(\.isNaN))
        // Near misses are values, not missing: case and spacing matter.
        let u = try CSVTest.table("s\nna\n NA\nNULL\nnan\n")
        #expect(u.csvStrings("s") == ["na", " NA", "NULL", "nan"])
    }

    @Test("a column with only missing values is a number column, all missing")
    func allMissing() throws {
        let t = try CSVTest.table("a,b\n1,\n2,NA\n")
        #expect(t.column(named: "b")?.type == .number)
        #expect(t.csvMissing("b") == [true, true])
    }

    @Test("inference: numbers, bools, and anything mixed is a string")
    func inference() throws {
        let t = try CSVTest.table(
            "int,float,exp,bool,mixed,numbool,spaced,signs\n" + "1,1.5,1e3,true,1,1,  7 ,+3\n"
                + "-2,.5,-2.5E-2,False,x,true,8,-.5\n" + "30,5.,inf,TRUE,2,0,9,+inf\n")
        #expect(t.columns.map(\.type) == [.number, .number, .number, .bool, .string, .string, .number, .number])
        #expect(t.csvNumbers("int") == [1, -2, 30])
        #expect(t.csvNumbers("float") == [1.5, 0.5, 5])
        #expect(t.csvNumbers("exp") == [1000, -0.025, .infinity])
        #expect(t.csvBools("bool") == [true, false, true])
        #expect(t.csvStrings("mixed") == ["1", "x", "2"])
        #expect(t.csvStrings("numbool") == ["1", "true", "0"])
        #expect(t.csvNumbers("spaced") == [7, 8, 9])
        #expect(t.csvNumbers("signs") == [3, -0.5, .infinity])
    }

    @Test("a late string turns a number column into strings that keep their original text")
    func lateUpgrade() throws {
        var text = "v\n"
        for i in 0..<1000 { text += "\(i).50\n" }
        text += "oops\n"
        let t = try CSVTest.table(text)
        let s = try #require(t.csvStrings("v"))
        #expect(s.first == "0.50")
        #expect(s.last == "oops")
        #expect(s.count == 1001)
    }

    @Test("strings are dictionary-encoded in first-appearance order")
    func dictionaryOrder() throws {
        let t = try CSVTest.table("s\nb\na\nb\nc\na\n")
        let c = try #require(t.column(named: "s"))
        guard case .string(let codes, let dictionary) = c.storage else {
            Issue.record("not a string column")
            return
        }
        #expect(dictionary == ["b", "a", "c"])
        #expect(codes == [0, 1, 0, 2, 1])
    }

    @Test("header names are kept as written, spaces and UTF-8 included")
    func headerNames() throws {
        let t = try CSVTest.table(" a ,\"b,c\",größe\n1,2,3\n")
        #expect(t.names == [" a ", "b,c", "größe"])
    }

    @Test("a header-only file gives columns with no rows")
    func headerOnly() throws {
        let t = try CSVTest.table("a,b\n")
        #expect(t.names == ["a", "b"])
        #expect(t.rowCount == 0)
        #expect(t.columns.map(\.type) == [.number, .number])
    }

    @Test("tab and semicolon delimiters")
    func delimiters() throws {
        var tab = CSVOptions()
        tab.delimiter = UInt8(ascii: "\t")
        let t = try CSVTest.table("a\tb\n1,5\t\"x\ty\"\n", options: tab)
        #expect(t.csvStrings("a") == ["1,5"])
        #expect(t.csvStrings("b") == ["x\ty"])
        var semi = CSVOptions()
        semi.delimiter = UInt8(ascii: ";")
        let s = try CSVTest.table("a;b\n1;2\n", options: semi)
        #expect(s.csvNumbers("b") == [2])
    }

    @Test("projection keeps only the named columns, in the order given")
    func projection() throws {
        var options = CSVOptions()
        options.columns = ["c", "a"]
        let t = try CSVTest.table("a,b,c\n1,x,true\n2,y,false\n", options: options)
        #expect(t.names == ["c", "a"])
        #expect(t.csvBools("c") == [true, false])
        #expect(t.csvNumbers("a") == [1, 2])
    }

    @Test("type overrides: numbers as strings, bools, and numbers forced")
    func typeOverride() throws {
        var options = CSVOptions()
        options.types = ["zip": .string, "flag": .bool, "n": .number]
        let t = try CSVTest.table("zip,flag,n\n01234,true,1\n00501,NA,\n", options: options)
        #expect(t.csvStrings("zip") == ["01234", "00501"])
        #expect(t.csvBools("flag") == [true, false])
        #expect(t.csvMissing("flag") == [false, true])
        #expect(t.csvMissing("n") == [false, true])
    }

    @Test("reading a missing file or a directory is an error naming the path")
    func unreadable() {
        #expect(throws: CSVError.self) { try CSVReader.read(path: "/nonexistent/x.csv") }
        do {
            _ = try CSVReader.read(path: "/nonexistent/x.csv")
        } catch {
            #expect(error.description.hasPrefix("/nonexistent/x.csv: cannot read file: "))
        }
        do {
            _ = try CSVReader.read(path: NSTemporaryDirectory())
            Issue.record("a directory was read")
        } catch {
            guard case .cannotRead = error.kind else {
                Issue.record("unexpected \(error)")
                return
            }
        }
    }

    @Test("a file read from disk equals the same bytes parsed in memory, above and below the mmap size")
    func readMatchesParse() throws {
        for rows in [10, 200_000] {
            var text = "i,s,x\n"
            for i in 0..<rows { text += "\(i),s\(i % 13),\(Double(i) / 7)\n" }
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("evalbook-csv-\(rows).csv")
            try Data(text.utf8).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            let fromDisk = try CSVReader.read(path: url.path)
            let inMemory = try CSVTest.table(text)
            let same = CSVTest.identical(fromDisk, inMemory)
            #expect(same, "\(rows) rows")
            #expect(fromDisk.rowCount == rows)
        }
    }
}
