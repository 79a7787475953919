import Foundation
import Testing

/// `falx report`, `falx audit --report` and `--pseudonymise`, run as a user would run them.
extension CLITests {
    func file(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    /// The needles whose UTF-8 bytes occur in `data`: one pass over the bytes, each position looked
    /// up by its first three bytes (`String.contains` for each of thousands of identifiers over
    /// megabytes of output took minutes).
    static func occurring(_ needles: Set<String>, in data: Data) -> Set<String> {
        var byKey: [UInt32: [[UInt8]]] = [:]
        for needle in needles {
            let b = Array(needle.utf8)
            guard b.count >= 3 else { continue }
            byKey[UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16, default: []].append(b)
        }
        var found = Set<String>()
        let hay = [UInt8](data)
        guard hay.count >= 3 else { return found }
        for i in 0...(hay.count - 3) {
            guard let candidates = byKey[UInt32(hay[i]) | UInt32(hay[i + 1]) << 8 | UInt32(hay[i + 2]) << 16] else { continue }
            for b in candidates where i + b.count <= hay.count && hay[i..<(i + b.count)].elementsEqual(b) {
                found.insert(String(decoding: b, as: UTF8.self))
            }
        }
        return found
    }

    func writeKey(_ dir: URL, _ name: String, bytes: Int, seed: UInt8) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data((0..<bytes).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ Int(seed)) }).write(to: url)
        return url.path
    }

    @Test func reportOfTheCorpusAuditShowsEverySectionAndTheWorklist() throws {
        let dir = try temporaryDirectory()
        let audit = dir.appendingPathComponent("audit.csv")
        let page = dir.appendingPathComponent("report.html")
        let r = try falx(["audit", "Corpus", "-o", audit.path, "--quiet"])
        #expect(r.status == 0)
        let rep = try falx(["report", audit.path, "-o", page.path])
        #expect(rep.status == 0, "\(rep.stderr)")
        let html = String(decoding: try file(page), as: UTF8.self)
        for id in ["summary", "prevalence", "recommendations", "verdicts", "ages", "worklist", "errors", "rules"] {
            #expect(html.contains("<section id=\"\(id)\">"))
        }
        #expect(html.components(separatedBy: "role=\"img\"").count - 1 >= 12)
        let rows = parseCSV(try file(audit)).dropFirst()
        let expected = rows.filter { $0[40] == "missed_workup" || $0[40] == "additional_imaging" }
        let worklist = parseCSV(try file(dir.appendingPathComponent("report-worklist.csv")))
        #expect(worklist.first?.first == "record_id")
        // Worklist order: strength (urgent first), study date (none last), record id, audit order.
        let header = try #require(parseCSV(try file(audit)).first)
        let strength = try #require(header.firstIndex(of: "strength"))
        let date = try #require(header.firstIndex(of: "study_datetime"))
        let ranks = ["urgent": 0, "recommended": 1, "consider": 2, "routine": 3]
        func key(_ r: [String]) -> (Int, Int, String, String) {
            let digits = String(r[date].filter(\.isNumber).prefix(14))
            return (ranks[r[strength]] ?? 9, digits.isEmpty ? 1 : 0, digits, r[0])
        }
        let inOrder = expected.enumerated().sorted { a, b in
            key(a.element) != key(b.element) ? key(a.element) < key(b.element) : a.offset < b.offset
        }.map(\.element)
        #expect(worklist.dropFirst().map { $0[0] } == inOrder.map { $0[0] })
        #expect(Set(worklist.dropFirst().map { $0[7] }).isSubset(of: ["urgent", "recommended", "consider", "routine"]))
        #expect(html.components(separatedBy: "<tr id=\"case-").count - 1 == expected.count)
        #expect(html.contains("\(rows.count)</b><span>records</span>"))

        // The same page in one go from `falx audit --report`, and from a JSON Lines audit.
        let again = dir.appendingPathComponent("again")
        try FileManager.default.createDirectory(at: again, withIntermediateDirectories: true)
        let oneGo = try falx([
            "audit", "Corpus", "-o", again.appendingPathComponent("audit.csv").path, "--report",
            again.appendingPathComponent("report.html").path, "--quiet",
        ])
        #expect(oneGo.status == 0, "\(oneGo.stderr)")
        #expect(try file(again.appendingPathComponent("report.html")) == file(page))
        #expect(
            try file(again.appendingPathComponent("report-worklist.csv"))
                == file(dir.appendingPathComponent("report-worklist.csv")))
        let jsonl = dir.appendingPathComponent("audit.jsonl")
        #expect(try falx(["audit", "Corpus", "--format", "jsonl", "-o", jsonl.path, "--quiet"]).status == 0)
        let fromJSONL = dir.appendingPathComponent("from-jsonl.html")
        #expect(try falx(["report", jsonl.path, "-o", fromJSONL.path, "--worklist-limit", "5"]).status == 0)
        let j = String(decoding: try file(fromJSONL), as: UTF8.self)
        #expect(j.contains("JSON Lines") && j.contains("Showing 5 of \(expected.count) cases"))
        #expect(parseCSV(try file(dir.appendingPathComponent("from-jsonl-worklist.csv"))).count == expected.count + 1)
    }

    @Test func pseudonymisedOutputsAreStableKeyedAndLeakNoIdentifier() throws {
        let dir = try temporaryDirectory()
        let keyA = try writeKey(dir, "a.key", bytes: 32, seed: 1)
        let keyB = try writeKey(dir, "b.key", bytes: 64, seed: 2)
        let plain = try falx(["audit", "Corpus", "--quiet"])
        let plainRows = parseCSV(plain.stdout).dropFirst()
        // Every identifier of the plain audit: record ids, patient ids, accessions, source paths and file names.
        var originals = Set<String>()
        for row in plainRows {
            for v in [row[0], row[4], row[5]] where v.count >= 3 { originals.insert(v) }
            let path = row[1].split(separator: "#").first.map(String.init) ?? row[1]
            originals.insert(path)
            originals.insert((path as NSString).lastPathComponent)
        }
        #expect(originals.count > 300)

        let csv1 = dir.appendingPathComponent("p1.csv")
        let page = dir.appendingPathComponent("p1.html")
        let r1 = try falx([
            "audit", "Corpus", "-o", csv1.path, "--pseudonymise", keyA, "--date-precision", "month", "--report", page.path,
            "--quiet",
        ])
        #expect(r1.status == 0, "\(r1.stderr)")
        let r2 = try falx(["audit", "Corpus", "--pseudonymise", keyA, "--date-precision", "month", "--quiet"])
        #expect(r2.stdout == (try file(csv1)), "the same key gives the same audit")
        let jsonl = try falx(["audit", "Corpus", "--format", "jsonl", "--pseudonymise", keyA, "--quiet"])
        let other = try falx(["audit", "Corpus", "--pseudonymise", keyB, "--quiet"])
        let rowsA = parseCSV(try file(csv1)).dropFirst()
        let rowsB = parseCSV(other.stdout).dropFirst()
        #expect(rowsA.count == plainRows.count)
        // Keyed: another key, other pseudonyms; the same key joins (equal record ids, row by row).
        #expect(zip(rowsA, rowsB).allSatisfy { $0[0] != $1[0] && ($0[4].isEmpty || $0[4] != $1[4]) })
        #expect(rowsA.allSatisfy { $0[0].hasPrefix("r_") && $0[0].count == 34 })
        #expect(rowsA.allSatisfy { $0[6].isEmpty || ($0[6].count == 7 && $0[6].dropFirst(4).first == "-") })
        #expect(Set(rowsA.map { $0[0] }).count == Set(plainRows.map { $0[0] }).count, "no two records share a pseudonym")

        // The report of a plain audit pseudonymised on the way in is the report written in one go.
        let plainCSV = dir.appendingPathComponent("plain.csv")
        try plain.stdout.write(to: plainCSV)
        let page2 = dir.appendingPathComponent("p2.html")
        let rep = try falx(["report", plainCSV.path, "-o", page2.path, "--pseudonymise", keyA, "--date-precision", "month"])
        #expect(rep.status == 0, "\(rep.stderr)")

        let outputs: [(String, Data)] = [
            ("csv", try file(csv1)), ("jsonl", jsonl.stdout), ("html", try file(page)),
            ("worklist", try file(dir.appendingPathComponent("p1-worklist.csv"))), ("report html", try file(page2)),
            ("report worklist", try file(dir.appendingPathComponent("p2-worklist.csv"))),
        ]
        for (name, data) in outputs {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.isEmpty)
            let leaks = Self.occurring(originals, in: data)
            #expect(leaks.isEmpty, "\(name) holds \(leaks.sorted().prefix(5))")
            // Dates in the evidence are scrubbed too.
            #expect(!text.contains("02/03/2024") && !text.contains("3/14/2022"), "\(name)")
        }
        #expect(String(decoding: try file(page), as: UTF8.self).contains("Pseudonymised"))
        // The worklist's identifiers are the audit's pseudonyms, in both ways of writing it.
        for name in ["p1-worklist.csv", "p2-worklist.csv"] {
            let rows = parseCSV(try file(dir.appendingPathComponent(name)))
            #expect(rows.first?.prefix(3) == ["record_id", "accession", "patient_id"])
            #expect(rows.count > 50)
            #expect(rows.dropFirst().allSatisfy { $0[0].hasPrefix("r_") && ($0[1].isEmpty || $0[1].hasPrefix("r_")) })
            #expect(rows.dropFirst().contains { $0[2].hasPrefix("p_") })
            #expect(rows.dropFirst().allSatisfy { $0[2].isEmpty || $0[2].hasPrefix("p_") })
        }
    }

    @Test func aShortOrMissingKeyStopsBeforeAnyOutput() throws {
        let dir = try temporaryDirectory()
        let short = try writeKey(dir, "short.key", bytes: 31, seed: 3)
        let out = dir.appendingPathComponent("audit.csv")
        let page = dir.appendingPathComponent("r.html")
        for key in [short, dir.appendingPathComponent("missing.key").path] {
            let a = try falx(["audit", "Corpus", "-o", out.path, "--pseudonymise", key, "--report", page.path])
            #expect(a.status == 64)
            #expect(a.stderr.contains("key-too-short") || a.stderr.contains("key-missing"), "\(a.stderr)")
            let r = try falx(["report", "Corpus/README.md", "-o", page.path, "--pseudonymise", key])
            #expect(r.status == 64)
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(left == ["short.key"], "nothing written: \(left)")
        let noKey = try falx(["audit", "Corpus", "--date-precision", "month"])
        #expect(noKey.status == 64 && noKey.stderr.contains("--pseudonymise"))
        let notAudit = try falx(["report", "Corpus/README.md", "-o", page.path])
        #expect(notAudit.status == 2 && notAudit.stderr.contains("audit-no-header"))
        #expect(!FileManager.default.fileExists(atPath: page.path))
    }
}
