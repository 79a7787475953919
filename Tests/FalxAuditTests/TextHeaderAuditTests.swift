import FalxClinical
import FalxCore
import FalxIngest
import FalxText
import Testing

@testable import FalxAudit

@Suite struct TextHeaderAuditTests {
    func row(_ text: String, format: InputFormat = .text, metadata: ReportMetadata = ReportMetadata()) throws -> AuditRow {
        let auditor = Auditor()
        if format == .text {
            let record = try #require(TextReader.records(Array(text.utf8), recordBase: "t", source: "t").first)
            return auditor.row(for: record)
        }
        return auditor.row(
            for: .success(Report(recordID: "r", source: "s", format: format, text: Array(text.utf8), metadata: metadata)))
    }

    @Test func headerLinesNeverYieldFindings() throws {
        let body = "\nFINDINGS: No acute abnormality.\n"
        // As a title line the words are report text; as a header value they are metadata.
        #expect(try row("Falx calcification clinic" + body).facts.duralCalcification == .present)
        let headed = try row("Location: Falx calcification clinic" + body)
        #expect(headed.facts.duralCalcification == .notMentioned)
        #expect(headed.metadata.facility == "Falx calcification clinic")
        let signed = try row("FINDINGS: Normal.\nRadiologist: Dr Falx Calcification\n")
        #expect(signed.facts.duralCalcification == .notMentioned)
    }

    @Test func evidenceOffsetsStayThoseOfTheOriginalText() throws {
        let text = "Patient: MÜLLER, Jörg   DOB: 1950-01-02\nExam date: 2024-01-05\n\nFINDINGS: Calcification of the falx.\n"
        let r = try row(text)
        #expect(r.facts.duralCalcification == .present)
        #expect(r.facts.age == 74)
        let evidence = try #require(r.evidence)
        let scalars = Array(text.unicodeScalars)
        let quoted = String(String.UnicodeScalarView(scalars[evidence.scalarRange]))
        #expect(quoted.lowercased().contains("falx"))
        #expect(evidence.sentence == "Calcification of the falx.")
    }

    @Test func otherFormatsFillOnlyWhatTheyLackFromTheirText() throws {
        var m = ReportMetadata()
        m.accession = "ACC-9"
        let text = "Accession: 123\nExam date: 03/04/2024\nSex: F\n\nFINDINGS: Normal brain.\n"
        let r = try row(text, format: .hl7v2, metadata: m)
        #expect(r.recordID == "r")
        #expect(r.metadata.accession == "ACC-9")
        #expect(r.metadata.studyDateTime == "2024-03-04")
        #expect(r.metadata.sex == "F")
        #expect(r.identifiers.contains(HeaderIdentifier("123", .id)))
    }

    @Test func aDayFirstSiteSetsTheDateOrder() throws {
        let auditor = Auditor(dateOrder: .dmy)
        #expect(auditor.textHeaders.dateOrder == .dmy)
        let report = Report(
            recordID: "r", source: "s", format: .jsonl, text: Array("DOB: 03/04/1950\nExam date: 02/04/2024\n".utf8))
        let row = auditor.row(for: .success(report))
        #expect(row.metadata.birthDate == "1950-04-03")
        #expect(row.facts.age == 73)
    }

    @Test func lexiconHeaderLinesReplaceTheBuiltInLabels() throws {
        // A site lexicon: the built-in entries (which a replacing lexicon must carry) and its own labels.
        let lexicon = try ClinicalLexicon.load(
            text: ClinicalLexicon.defaultText + "\nheader accession: req \\# # a comment\nheader patient_id: k-nummer\n",
            name: "site")
        let auditor = Auditor(lexicon: lexicon)
        #expect(auditor.textHeaders.labels.labels.map(\.text) == ["k-nummer", "req #"])
        #expect(Auditor().textHeaders.labels == .standard)
        #expect(throws: LexiconError.self) { try ClinicalLexicon.load(text: "header shoe_size: shoe\n", name: "bad") }
    }

    @Test func theBuiltInLabelsRoundTripThroughTheLexiconFormat() throws {
        let lexicon = try Lexicon.parse(HeaderLabels.standard.lexiconText)
        let labels = HeaderLabels(entries: lexicon.headerLabels.map { ($0.field, $0.label) })
        #expect(labels?.labels.map(\.text) == HeaderLabels.standard.labels.map(\.text))
        #expect(labels?.labels.map(\.field) == HeaderLabels.standard.labels.map(\.field))
        #expect(Lexicon.headerFields == HeaderField.allCases.map(\.rawValue))
    }
}
