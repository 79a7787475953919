import Foundation
import Testing

/// Memory that grows with the number of records in one file, not with the work each record costs:
/// a multi-record file is read record by record.
extension CLITests {
    /// A FHIR Bundle of `count` small DiagnosticReports and one Patient they all refer to.
    func bundle(_ count: Int) -> Data {
        var entries: [String] = []
        entries.reserveCapacity(count + 1)
        for i in 0..<count {
            entries.append(
                #"{"fullUrl":"urn:uuid:r\#(i)","resource":{"resourceType":"DiagnosticReport","id":"r\#(i)","status":"final","#
                    + #""code":{"text":"CT head"},"subject":{"reference":"Patient/p1"},"#
                    + #""conclusion":"Report \#(i). Dense calcification of the falx. No acute haemorrhage."}}"#)
        }
        entries.append(#"{"resource":{"resourceType":"Patient","id":"p1","birthDate":"1950-01-01","gender":"female"}}"#)
        return Data((#"{"resourceType":"Bundle","type":"collection","entry":["# + entries.joined(separator: ",") + "]}").utf8)
    }

    /// Peak memory in MB of `falx audit FILE --stats --jobs 1`, from its own `--stats` line.
    func peakMemoryMB(auditing file: URL, in dir: URL) throws -> (peak: Int, rows: Int) {
        let p = Process()
        p.executableURL = try #require(Self.binary, "build the falx executable first")
        p.arguments = ["audit", file.path, "-o", dir.appendingPathComponent("out.csv").path, "--stats", "--jobs", "1"]
        var environment = ProcessInfo.processInfo.environment
        // Under AddressSanitizer, freed memory waits in a quarantine that would count as growth.
        environment["ASAN_OPTIONS"] = (environment["ASAN_OPTIONS"].map { $0 + ":" } ?? "") + "quarantine_size_mb=0"
        p.environment = environment
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text)")
        let line = try #require(text.split(separator: "\n").first { $0.contains("peak memory") }, "no --stats line in \(text)")
        let words = line.split(separator: " ")
        let at = try #require(words.firstIndex(of: "memory"))
        let peak = try #require(Int(words[at + 1]), "\(line)")
        let csv = try Data(contentsOf: dir.appendingPathComponent("out.csv"))
        return (peak, csv.split(separator: UInt8(ascii: "\n")).count - 1)
    }

    /// Before record-by-record reading, a Bundle's JSON tree cost some 50 times its bytes (a 4.8 MB
    /// Bundle of 20,000 reports peaked at 278 MB; now 46 MB). Four times the reports may cost at
    /// most five times the added bytes.
    @Test func aLargeFHIRBundleCostsMemoryNearItsSize() throws {
        let (grown, addedMB, peaks) = try growth(counts: [5_000, 20_000], name: "bundle", make: bundle)
        #expect(grown <= 5 * addedMB, "peak \(peaks[0]) MB → \(peaks[1]) MB for \(addedMB) MB more input")
    }

    /// The peak memory of auditing an input of each of two sizes made by `make`: how much it grew,
    /// in MB, for how many MB more input, and the two peaks.
    func growth(counts: [Int], name: String, make: (Int) -> Data) throws -> (grown: Double, addedMB: Double, peaks: [Int]) {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var sizes: [(bytes: Int, peak: Int)] = []
        for count in counts {
            let file = dir.appendingPathComponent("\(name)-\(count).json")
            let data = make(count)
            try data.write(to: file)
            let (peak, rows) = try peakMemoryMB(auditing: file, in: dir)
            #expect(rows == count)
            sizes.append((data.count, peak))
        }
        let addedMB = Double(sizes[1].bytes - sizes[0].bytes) / 1_048_576
        return (Double(sizes[1].peak - sizes[0].peak), addedMB, sizes.map(\.peak))
    }

    /// A JSON array of `count` short report objects.
    func reportArray(_ count: Int) -> Data {
        var elements: [String] = []
        elements.reserveCapacity(count)
        for i in 0..<count {
            elements.append(#"{"id":"r\#(i)","text":"Report \#(i). Dense calcification of the falx. No acute haemorrhage."}"#)
        }
        return Data(("[\n" + elements.joined(separator: ",\n") + "\n]\n").utf8)
    }

    /// A JSON array is read one element at a time. Before, every element's record was built before
    /// the first was audited: arrays of 10,000 and 40,000 reports (0.9 and 3.8 MB) peaked at 33 and
    /// 52 MB, seven times the added bytes (release build); now 32 and 35 MB (debug build). Four
    /// times the elements may cost at most three times the added bytes.
    @Test func aLargeJSONArrayCostsMemoryNearItsSize() throws {
        let (grown, addedMB, peaks) = try growth(counts: [10_000, 40_000], name: "array", make: reportArray)
        #expect(grown <= 3 * addedMB, "peak \(peaks[0]) MB → \(peaks[1]) MB for \(addedMB) MB more input")
    }
}
