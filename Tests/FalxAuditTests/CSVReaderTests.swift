import Testing

@testable import FalxAudit

@Suite struct CSVReaderTests {
    @Test func quotedFieldsWithCommasQuotesAndLineBreaks() {
        let text = "a,b,c\n\"x, y\",\"he said \"\"no\"\"\",\"two\nlines\"\n,,\n"
        #expect(CSV.parse(text) == [["a", "b", "c"], ["x, y", "he said \"no\"", "two\nlines"], ["", "", ""]])
    }

    @Test func crlfBomAndNoFinalNewline() {
        let text = "\u{FEFF}id,v\r\n1,\"q\"\r\n2,last"
        #expect(CSV.parse(text) == [["id", "v"], ["1", "q"], ["2", "last"]])
    }

    @Test func recordsSplitAcrossBlocksOfOneByte() {
        let text = "\u{FEFF}a,\"b\"\"c\",\"d\r\ne\"\r\nf,g\n"
        var parser = CSVParser()
        var out: [[String]] = []
        for b in Array(text.utf8) { parser.feed([b]) { out.append($0) } }
        parser.finish { out.append($0) }
        #expect(out == [["a", "b\"c", "d\r\ne"], ["f", "g"]])
    }

    @Test func writtenRowsParseBackToTheSameCells() {
        let cells = ["plain", "=1+2", "-3", "comma, inside", "quote \" inside", "line\nbreak", "cr\ronly", "", "@x"]
        let parsed = CSV.parse(CSV.line(cells))
        #expect(parsed.count == 1)
        #expect(parsed[0].map(CSV.unguarded) == cells)
        #expect(CSV.parse(CSV.header).first == AuditRow.columns)
    }
}
