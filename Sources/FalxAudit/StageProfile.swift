import FalxClinical
import FalxCore
import FalxIngest
import FalxText
import Foundation

/// The stage profile of an input (`falx bench`): each stage runs over the whole input before the
/// next starts (read every file, then decode every record, then tokenize every text, …), timed
/// with the thread's CPU clock (and the wall clock beside it), and is reported as time per report
/// and input megabytes per second. Nothing of it is in the path of `falx audit`.
public enum StageProfile {
    /// The profile of the files and folders at `paths`, best of `repeats` runs per stage: a header
    /// line, then a Markdown table, one line each.
    public static func lines(paths: [String], repeats: Int) -> [String] {
        let auditor = Auditor()
        var walker = InputWalker()
        walker.textHeaders = auditor.textHeaders
        let engine = TextEngine(lexicon: auditor.extractor.lexicon.compiled)
        let finder = MentionFinder(lexicon: auditor.extractor.lexicon.compiled)
        var timer = StageTimer(repeats: max(1, repeats))

        // Read: every file's bytes, as the walker lists them.
        let files: [(InputWalker.Entry, [UInt8])] = timer.time("read (list and read files)") {
            var out: [(InputWalker.Entry, [UInt8])] = []
            walker.forEachEntry(paths) { entry in
                let bytes = FileManager.default.contents(atPath: entry.path).map { [UInt8]($0) } ?? []
                out.append((entry, bytes))
            }
            return out
        }
        let inputBytes = files.reduce(0) { $0 + $1.1.count }
        // Frame and decode: records out of the bytes in memory (JSON, HL7 escapes, XML, headers of text).
        let records: [Record] = timer.time("frame + decode (JSON, HL7, XML; text headers)") {
            var out: [Record] = []
            for (entry, bytes) in files {
                walker.forEachRecord(inMemory: bytes, entry: entry, blockSize: 1 << 20) { out.append($0) }
            }
            return out
        }
        let reports = records.compactMap { try? $0.get() }
        timer.reports = records.count
        timer.bytes = inputBytes
        let prepared: [(report: Report, text: [UInt8])] = timer.time("header fallback (other formats' texts)") {
            reports.map { read in
                let report = auditor.withHeaders(read)
                return (report, Auditor.withoutHeaders(report))
            }
        }
        let tokenized: [([UInt8], [Token])] = timer.time("dictation check + tokenize") {
            prepared.map { p in
                let text = DictationNormaliser.normalise(p.text, spoken: engine.lexicon.spokenPunctuation)
                return (text, Tokenizer.tokens(of: text))
            }
        }
        let annotated: [([UInt8], [Token])] = timer.time("lexicon match (word ids, spelling, hyphens, glued words)") {
            tokenized.map { text, tokens in
                var tokens = tokens
                engine.lexicon.annotate(&tokens, in: text)
                engine.lexicon.joinHyphenated(&tokens, in: text)
                engine.lexicon.splitGlued(&tokens, in: text)
                return (text, tokens)
            }
        }
        let documents: [Document] = timer.time("sections + sentences") {
            annotated.map { engine.structure($0.0, $0.1) }
        }
        let matched = timer.time("mentions: target and proximity matching") {
            documents.reduce(0) { $0 + finder.matchedMentions(in: $1).count }
        }
        let mentions: [[Mention]] = timer.time("mentions with context (matching again + ConText)") {
            documents.map { finder.mentions(in: $0) }
        }
        timer.difference(
            "context (ConText: negation, uncertainty, temporality; the difference)",
            "mentions with context (matching again + ConText)", "mentions: target and proximity matching")
        let readings: [ClinicalReading] = timer.time("case facts, age, recommendations") {
            zip(documents.indices, prepared).map { i, p in
                var meter = WorkMeter()
                let age =
                    p.report.metadata.age
                    ?? Auditor.age(birth: p.report.metadata.birthDate, study: p.report.metadata.studyDateTime)
                return auditor.extractor.read(documents[i], text: p.text, mentions: mentions[i], metadataAge: age, meter: &meter)
            }
        }
        let recommendations: [Recommendation] = timer.time("rules") { readings.map { auditor.ruleset.evaluate($0.facts) } }
        let rows = records.map(auditor.row(for:))
        let written = timer.time("CSV encode") {
            rows.reduce(0) { $0 + AuditWriter.encode($1, format: .csv).bytes.count }
        }
        let total = timer.time("end to end in one thread (row + CSV, decoded records)") {
            records.reduce(0) { $0 + AuditWriter.encode(auditor.row(for: $1), format: .csv).bytes.count }
        }
        return timer.lines(
            header: "\(records.count) records (\(reports.count) read), \(inputBytes) bytes, "
                + "\(matched) matched / \(mentions.reduce(0) { $0 + $1.count }) mentions, "
                + "\(recommendations.count) rule results, \(written) CSV bytes (\(total) again end to end)")
    }
}

/// Times stages with two monotonic clocks, best of `repeats` runs each: the wall clock, and the
/// CPU time of the thread (what the stage cost, whatever else the machine was running).
struct StageTimer {
    let repeats: Int
    var reports = 0
    var bytes = 0
    var stages: [(name: String, nanoseconds: UInt64, wall: UInt64)] = []

    /// The calling thread's CPU time in nanoseconds.
    static func threadCPU() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    init(repeats: Int) { self.repeats = repeats }

    mutating func time<T>(_ name: String, _ body: () -> T) -> T {
        var best = UInt64.max
        var bestWall = UInt64.max
        var result: T?
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            let cpu = Self.threadCPU()
            let value = body()
            best = min(best, Self.threadCPU() - cpu)
            bestWall = min(bestWall, DispatchTime.now().uptimeNanoseconds - start)
            result = value
        }
        stages.append((name, best, bestWall))
        guard let result else { fatalError("a stage ran no time") }
        return result
    }

    /// A stage that cannot run alone: the time of stage `whole` less that of stage `part`.
    mutating func difference(_ name: String, _ whole: String, _ part: String) {
        guard let w = stages.first(where: { $0.name == whole }), let p = stages.first(where: { $0.name == part }) else { return }
        stages.append(
            (
                name, w.nanoseconds > p.nanoseconds ? w.nanoseconds - p.nanoseconds : 0,
                w.wall > p.wall ? w.wall - p.wall : 0
            ))
    }

    /// The header, then the table of stages.
    func lines(header: String) -> [String] {
        var out = [header, "| stage | CPU ms | ns/report | MB/s | wall ms |", "|---|---|---|---|---|"]
        for (name, ns, wall) in stages {
            let perReport = reports > 0 ? Double(ns) / Double(reports) : 0
            let mbs = ns > 0 ? Double(bytes) / 1e6 / (Double(ns) / 1e9) : 0
            out.append(
                "| \(name) | \(fmt(Double(ns) / 1e6, 1)) | \(fmt(perReport, 0)) | \(fmt(mbs, 1)) | \(fmt(Double(wall) / 1e6, 1)) |"
            )
        }
        return out
    }

    private func fmt(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
}
