import FalxClinical
import FalxIngest
import Foundation
import Testing

@testable import FalxAudit

/// What `falx audit` checks and loads before a run, as library values.
@Suite struct AuditOptionsTests {
    func options(_ change: (inout AuditOptions) -> Void) -> AuditOptions {
        var o = AuditOptions()
        o.run.paths = ["reports"]
        change(&o)
        return o
    }

    func problem(_ o: AuditOptions) -> String? {
        do {
            try o.validate()
            return nil
        } catch {
            return error.message
        }
    }

    @Test func validOptionsPass() {
        #expect(problem(options { _ in }) == nil)
        #expect(
            problem(
                options {
                    $0.run.paths = []; $0.run.standardInput = true
                }) == nil)
        #expect(
            problem(
                options {
                    $0.pseudonymise = "k.key"; $0.datePrecision = .month
                }) == nil)
        #expect(
            problem(
                options {
                    $0.run.jobs = 256; $0.run.maxFileMB = 4096; $0.run.maxRecordMB = 1024
                }) == nil)
        #expect(
            problem(
                options {
                    $0.run.resume = true; $0.run.output = "audit.csv"
                }) == nil)
    }

    @Test(arguments: [
        ("paths and stdin", "give paths or --stdin, not both"),
        ("neither", "give at least one file or folder, or --stdin"),
        ("jobs 0", "--jobs must be between 1 and 256"),
        ("jobs 257", "--jobs must be between 1 and 256"),
        ("file 0", "--max-file-mb must be between 1 and 4096"),
        ("file 4097", "--max-file-mb must be between 1 and 4096"),
        ("record 1025", "--max-record-mb must be between 1 and 1024"),
        ("resume stdout", "--resume needs an output file (-o FILE)"),
        ("resume device", "--resume needs an output file (-o FILE)"),
        ("precision without key", "--date-precision goes with --pseudonymise"),
    ])
    func badCombinationsAreNamed(_ case: String, _ message: String) {
        let o = options { o in
            switch `case` {
            case "paths and stdin": o.run.standardInput = true
            case "neither": o.run.paths = []
            case "jobs 0": o.run.jobs = 0
            case "jobs 257": o.run.jobs = 257
            case "file 0": o.run.maxFileMB = 0
            case "file 4097": o.run.maxFileMB = 4097
            case "record 1025": o.run.maxRecordMB = 1025
            case "resume stdout": o.run.resume = true
            case "resume device": (o.run.resume, o.run.output) = (true, "/dev/null")
            default: o.datePrecision = .year
            }
        }
        #expect(problem(o) == message)
    }

    @Test func theProvenanceNamesTheOptions() throws {
        let loaded = try LoadedLexicon.load(nil)
        let o = options {
            $0.run.format = .jsonl
            $0.dateOrder = .dmy
            $0.datePrecision = .month
            $0.readingDescription = "--encoding latin-1"
            $0.inputsNamed = ["reports"]
        }
        let p = o.provenance(lexicon: loaded, lexiconSHA256: "abc", keyFingerprint: nil)
        #expect(p.lexiconName == "falx-default-1.0" && p.lexiconSHA256 == "abc")
        #expect(p.dateOrder == "dmy" && p.reading == "--encoding latin-1")
        #expect(p.inputs.count == 1 && p.inputs[0].hasSuffix("/reports"))  // made absolute
        // A date precision means nothing without a key; with one, no precision is `full`.
        #expect(p.datePrecision == nil && p.pseudonymisationKey == nil)
        #expect(o.provenance(lexicon: loaded, lexiconSHA256: "abc", keyFingerprint: "f1").datePrecision == "month")
        #expect(AuditOptions().provenance(lexicon: loaded, lexiconSHA256: "", keyFingerprint: "f1").datePrecision == "full")
        #expect(o.auditor(loaded.lexicon).maxTextBytes == o.run.maxRecordMB << 20)
    }
}

@Suite struct LoadedLexiconTests {
    func file(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "falx-lexicon-\(UUID().uuidString).lexicon"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func theBuiltInLexiconAndItsText() throws {
        let loaded = try LoadedLexicon.load(nil)
        #expect(loaded.text == Array(ClinicalLexicon.defaultText.utf8))
        #expect(loaded.lexicon.compiled.source == ClinicalLexicon.standard.compiled.source)
    }

    @Test func anAddedFileExtendsTheLexiconAndItsText() throws {
        let added = try file("target headache: cephalea\n")
        defer { unlink(added) }
        let loaded = try LoadedLexicon.load(nil, adding: added)
        #expect(loaded.lexicon.compiled.source.targets.last?.phrase == ["cephalea"])
        #expect(loaded.text == Array((ClinicalLexicon.defaultText + "\n# --lexicon-add\ntarget headache: cephalea\n").utf8))
    }

    @Test func aBadFileIsAUsageErrorNamingItsLine() throws {
        let bad = try file("name: mine\ntarget headach: cephalea\n")
        defer { unlink(bad) }
        #expect(throws: UsageError.self) { try LoadedLexicon.load(bad) }
        do {
            _ = try LoadedLexicon.load(bad)
        } catch {
            #expect(error.message.hasPrefix("\(bad):2: unknown concept 'headach' (did you mean 'headache'?)"))
        }
        do {
            _ = try LoadedLexicon.load("/nonexistent/x.lexicon")
        } catch {
            #expect(error.message == "cannot read lexicon file /nonexistent/x.lexicon")
        }
        let empty = try file("# nothing\n")
        defer { unlink(empty) }
        do {
            _ = try LoadedLexicon.load(empty)
        } catch {
            #expect(error.message == "\(empty): the lexicon has no entries (an empty file or only comments)")
        }
    }

    @Test func theListingIsTheLexiconThenTheHeaderLabels() {
        let listing = LoadedLexicon.builtInListing
        #expect(listing.hasPrefix(ClinicalLexicon.defaultText + "\n\n# ---"))
        #expect(listing.hasSuffix(HeaderLabels.standard.lexiconText))
    }
}

@Suite struct StopSignalsTests {
    @Test func theFirstSignalStopsAfterTheRecordTheSecondAtOnce() throws {
        let stop = StopSignals(immediate: false)
        let temporary = NSTemporaryDirectory() + "falx-stop-\(UUID().uuidString).partial"
        try Data("row\n".utf8).write(to: URL(fileURLWithPath: temporary))
        stop.progress(rows: 12, temporary: temporary)
        #expect(stop.receive(SIGINT) == nil)
        #expect(stop.signalReceived == SIGINT)
        #expect(FileManager.default.fileExists(atPath: temporary))
        #expect(stop.receive(SIGTERM) == "falx: terminated (SIGTERM): stopped after 12 rows; the partial output was removed")
        #expect(!FileManager.default.fileExists(atPath: temporary))
        // The first signal is the one the run reports.
        #expect(stop.signalReceived == SIGINT)
    }

    @Test func aStreamingFilterStopsAtTheFirstSignal() {
        let stop = StopSignals(immediate: true)
        stop.progress(rows: 3, temporary: nil)
        #expect(stop.receive(SIGTERM) == "falx: terminated (SIGTERM): stopped after 3 rows")
    }

    @Test func theStatisticsLine() {
        #expect(
            RunStatistics.line(seconds: 2, records: 1000, peakMemoryMB: 42) == "falx: 2.00 s, 500 records/s, peak memory 42 MB")
        #expect(RunStatistics.line(seconds: 0, records: 1, peakMemoryMB: 1) == "falx: 0.00 s, 1000 records/s, peak memory 1 MB")
        #expect(RunStatistics.peakMemoryMB() > 0)
    }
}
