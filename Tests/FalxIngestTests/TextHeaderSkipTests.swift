import Foundation
import Testing

@testable import FalxIngest

/// The header reader skips report lines past the header block unless they open with a signing
/// label (`skipBody`); these tests read texts both ways and require the same header, range for
/// range and warning for warning.
@Suite struct TextHeaderSkipTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Texts with and without header lines: a header block, a signature anywhere, report lines that
    /// open with a label (`Site:`, `Age:`, `Dictated by:` mid-report), one-line reports, blank and
    /// title lines, CRLF, tabs.
    static let handWritten: [String] = [
        "EXAM: CT HEAD WITHOUT CONTRAST\nCLINICAL HISTORY: M/72, headache.\nFINDINGS:\nFalcine calcification.\n",
        "Patient: DOE, JANE   MRN: 123456   DOB: 01/02/1950\nExam: CT head\n\nFINDINGS: Normal.\nAge: not relevant\n",
        "FINDINGS:\nSite: along the falx.\nLocation: parafalcine.\nSex: not relevant\nDictated by: Dr. A. Smith, MD 03/04/2023\n"
            + "Signed: 03/05/2023\nMRN: 42\nAfter the signature.\n",
        "CITY HOSPITAL RADIOLOGY\nDEPARTMENT OF IMAGING\n\nName: LEE, ANNA\tMRN: 777001\r\nAccession #: A-1\r\n"
            + "Dense calcification of the falx.\r\nElectronically signed: Dr. M. Kowalski, MD, 03:47\r\nDate: 2023-03-04\r\n",
        "Calcified falx. Age: 45. DOB: 1970-01-01\nInterpreted by: J. Roe\nMRN: 55\nunlabelled\nMRN: 66\n",
        "Pt Name: LEE, ANNA  MRN: 777001\nEXAM: CT head. HISTORY: syncope. FINDINGS: calcification.\nSex: F\n",
        "   \n\t\nReport\nMRN: 1\n\nImpression: normal.\nReported by: Dr X\nVerified: yesterday\nSigned by: Dr Y 13/13/2023\n",
        "Dictated by:\nMRN:\nDOB: 31/02/1999\n",
        "", "\n\n\n", "MRN", "MRN:", "Findings: falx calcification without any header.",
    ]

    static func texts() throws -> [[UInt8]] {
        var texts = handWritten.map { Array($0.utf8) }
        let headers = fixtures.appendingPathComponent("text-headers")
        for name in try FileManager.default.contentsOfDirectory(atPath: headers.path).sorted() {
            texts.append(Array(try Data(contentsOf: headers.appendingPathComponent(name))))
        }
        let corpus = repository.appendingPathComponent("Corpus/reports")
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted() where name.hasSuffix(".txt") {
            texts.append(Array(try Data(contentsOf: corpus.appendingPathComponent(name))))
        }
        return texts
    }

    @Test func skippingReportLinesReadsTheSameHeader() throws {
        let texts = try Self.texts()
        #expect(texts.count > 400)
        var withHeader = 0
        for order in [DateOrder.mdy, .dmy] {
            let options = TextHeaderOptions(dateOrder: order)
            for text in texts {
                let fast = TextHeaderReader.read(text, options: options, skipBody: true)
                let full = TextHeaderReader.read(text, options: options, skipBody: false)
                #expect(fast == full, "\(String(decoding: text.prefix(120), as: UTF8.self))")
                if !full.ranges.isEmpty { withHeader += 1 }
            }
        }
        // Both kinds of text are there: with header or signature lines and without.
        #expect(withHeader > 20 && withHeader < texts.count * 2 - 20)
    }

    /// Every line of a report in turn prefixed with a signing label, a header label or an unknown
    /// label: a signature block opened anywhere reads the same both ways.
    @Test func aLabelOnAnyLineReadsTheSame() throws {
        let base = Self.handWritten[2] + Self.handWritten[3]
        let lines = base.split(separator: "\n", omittingEmptySubsequences: false)
        for prefix in ["Dictated by: Dr Q ", "MRN: 9 ", "Ward 7: ", "Signed: 01/02/2023 "] {
            for i in lines.indices {
                var copy = lines
                copy[i] = Substring(prefix + copy[i])
                let text = Array(copy.joined(separator: "\n").utf8)
                let fast = TextHeaderReader.read(text, options: TextHeaderOptions(), skipBody: true)
                let full = TextHeaderReader.read(text, options: TextHeaderOptions(), skipBody: false)
                #expect(fast == full, "line \(i) prefixed with \(prefix)")
            }
        }
    }
}
