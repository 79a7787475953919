import Foundation
import Testing
@testable import FalxAudit

/// `AtomicOutput`, which the audit, the report page and the worklist write through.
@Suite struct AtomicOutputTests {
    static func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("falx-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func theTargetAppearsWholeAtFinishAndNotBefore() throws {
        let target = try Self.folder() + "/page.html"
        let output = try AtomicOutput(replacing: target, naming: .path(target))
        try output.write("<html>")
        try output.flush()
        #expect(Self.contents(target) == nil)
        #expect(output.temporary.map(Self.contents) == "<html>")
        try output.finish()
        #expect(Self.contents(target) == "<html>")
        #expect(output.temporary.map { FileManager.default.fileExists(atPath: $0) } == false)
    }

    @Test func aFailedEditRemovesTheTemporaryFileAndLeavesTheTargetAlone() throws {
        let target = try Self.folder() + "/audit.csv"
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        let output = try AtomicOutput(replacing: target, naming: .audit(target))
        try output.write("new")
        #expect(throws: OutputError.self) { try output.finish(editing: { _ in throw OutputError(message: "no") }) }
        #expect(Self.contents(target) == "old")
        #expect(output.temporary.map { FileManager.default.fileExists(atPath: $0) } == false)
    }

    @Test func aFolderOrDeviceIsRefusedAsATarget() throws {
        let folder = try Self.folder()
        let refusal = #expect(throws: OutputError.self) { try AtomicOutput.refuseNonRegular(folder) }
        #expect(refusal?.message.contains("is not a regular file") == true)
        #expect(throws: OutputError.self) { try AtomicOutput.refuseNonRegular("/dev/null") }
        try AtomicOutput.refuseNonRegular(folder + "/new.html")
    }

    @Test func aContinuedPartialIsGivenBackOnAbandonAndKeptAfterAStop() throws {
        let folder = try Self.folder()
        let (target, partial) = (folder + "/audit.csv", folder + "/audit.csv.partial")
        try Data("row1\nrow2\nhalf".utf8).write(to: URL(fileURLWithPath: partial))
        let resumed = try AtomicOutput(continuing: partial, validBytes: 10, replacing: target, naming: .audit(target))
        try resumed.write("row3\n")
        resumed.abandon()
        #expect(Self.contents(partial) == "row1\nrow2\n")
        let again = try AtomicOutput(continuing: partial, validBytes: 10, replacing: target, naming: .audit(target))
        try again.write("row3\n")
        #expect(try again.keep(as: partial))
        #expect(Self.contents(partial) == "row1\nrow2\nrow3\n" && Self.contents(target) == nil)
    }

    @Test func standardOutputIsWrittenDirectlyWithNothingToKeep() throws {
        let output = try AtomicOutput(directlyTo: "-", naming: .audit("-"))
        #expect(output.temporary == nil && output.target == nil)
        #expect(try output.keep(as: "unused") == false)
    }
}
