import FalxAudit
import FalxReport
import Foundation
import Testing

/// Falx's own outputs are recognised by their first bytes, and nothing else is.
@Suite struct FalxOutputKindTests {
    let header = AuditRow.columns.joined(separator: ",")

    @Test func auditsWorklistsAndPagesAreRecognised() {
        let row = "\n" + Array(repeating: "x", count: AuditRow.columns.count).joined(separator: ",") + "\n"
        #expect(FalxOutputKind.recognise(fileStart: Array((header + row).utf8)) == .auditCSV)
        #expect(FalxOutputKind.recognise(fileStart: [0xEF, 0xBB, 0xBF] + Array((header + "\r\n").utf8)) == .auditCSV)
        #expect(FalxOutputKind.recognise(fileStart: Array(header.utf8)) == .auditCSV)
        // An audit of schema version 1 (45 columns, ending with `errors`) is still Falx's own.
        let version1 = AuditRow.columns.prefix(45).joined(separator: ",")
        #expect(version1.hasSuffix(",warnings,errors"))
        #expect(FalxOutputKind.recognise(fileStart: Array((version1 + "\n").utf8)) == .auditCSV)
        #expect(FalxOutputKind.recognise(fileStart: Array((version1 + ",x\n").utf8)) == nil)
        let worklist = WorklistCase.columns.joined(separator: ",") + "\n"
        #expect(FalxOutputKind.recognise(fileStart: Array(worklist.utf8)) == .worklist)
        #expect(FalxOutputKind.recognise(fileStart: [0xEF, 0xBB, 0xBF] + Array(worklist.utf8)) == .worklist)
        // A worklist written before the triggers and asks_for columns is still one.
        let previous =
            "record_id,study_datetime,interpreter,facility,audit_verdict,category,strength,actions,report_recommends,rules,"
            + "dc_evidence,source\n"
        #expect(FalxOutputKind.recognise(fileStart: Array(previous.utf8)) == .worklist)
        let line = #"{"record_id":"a.txt#1","source":"a.txt","format":"text","status":"ok","age":""}"# + "\n"
        #expect(FalxOutputKind.recognise(fileStart: Array(line.utf8)) == .auditJSONL)
        let page = "<!DOCTYPE html>\n<html><head><meta name=\"generator\" content=\"\(FalxOutputKind.generatorContent)\">"
        #expect(FalxOutputKind.recognise(fileStart: Array(page.utf8)) == .htmlReport)
        #expect(FalxOutputKind.generatorContent.hasPrefix("falx "))
        let provenance = Provenance(
            falxVersion: "0.9.0", rulesetVersion: "r", lexiconName: "l", lexiconSHA256: String(repeating: "0", count: 64),
            format: .csv, header: true, excelBOM: false, pseudonymisationKey: nil, datePrecision: nil, maxFileMB: 1,
            maxRecordMB: 1, inputs: ["/a"])
        #expect(FalxOutputKind.recognise(fileStart: Array(provenance.json)) == .provenance)
        #expect(FalxOutputKind.recognise(fileStart: Array(#"{"falx_version": "x"}"#.utf8)) == nil)
    }

    @Test func reportsAndOtherExportsAreNotFalxOutputs() {
        let others = [
            "record_id,text\nr1,Calcified falx.\n",  // a user's CSV that shares the first column name
            header.replacingOccurrences(of: ",errors", with: "") + "\n",  // an older schema or a cut header
            #"{"record_id":"r1","text":"Calcified falx.","source":"x","format":"y","status":"z"}"#,  // keys out of order
            #"{"id":"r1","text":"Calcified falx."}"#,
            "<html><head><meta name=\"generator\" content=\"Word\"></head></html>",
            "FINDINGS: record_id,source,format,status",
            "",
        ]
        for text in others { #expect(FalxOutputKind.recognise(fileStart: Array(text.utf8)) == nil, "\(text)") }
    }
}
