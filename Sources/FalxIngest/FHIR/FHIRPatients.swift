import Foundation

/// The Patients of a FHIR Bulk Data export: `Patient.ndjson` beside `DiagnosticReport.ndjson`.
///
/// A DiagnosticReport line whose `subject.reference` (`Patient/<id>`) is not resolved in the line
/// takes the patient's identifier (type `MR`, else the first), birth date, sex, name parts and other
/// identifiers from the Patient line with that `id`. The file is read once per NDJSON file that
/// needs it, line by line; a line that is not a Patient is passed over.
struct FHIRPatients: Sendable {
    var byID: [String: ReportMetadata] = [:]

    /// No Patients: nothing to fill.
    init() {}

    /// The `Patient.ndjson` in the folder of `path`, when there is one and it is not `path`.
    static func sibling(of path: String) -> String? {
        guard path != "-", (path as NSString).lastPathComponent != "Patient.ndjson" else { return nil }
        let folder = (path as NSString).deletingLastPathComponent
        let candidate = folder.isEmpty ? "Patient.ndjson" : folder + "/Patient.ndjson"
        var st = stat()
        guard stat(candidate, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return candidate
    }

    /// Reads the Patients of an NDJSON file; lines longer than `maxLineBytes` are passed over.
    init(path: String, maxLineBytes: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let read = InputWalker.blocks(of: handle)
        var buffer: [UInt8] = []
        while true {
            let block = read(InputWalker.blockSize) ?? []
            let end = block.isEmpty
            buffer += block
            var start = 0
            while let nl = buffer[start...].firstIndex(of: 0x0A) {
                add(line: buffer[start..<nl])
                start = nl + 1
            }
            if end {
                add(line: buffer[start...])
                return
            }
            buffer.removeFirst(start)
            if buffer.count > maxLineBytes { buffer.removeAll() }
        }
    }

    mutating func add(line: ArraySlice<UInt8>) {
        guard line.contains(where: { !ASCIISpace.isSpace($0) }),
            let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
            object["resourceType"] as? String == "Patient", let id = object["id"] as? String
        else { return }
        var m = ReportMetadata()
        let identifiers = (object["identifier"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
        m.patientID = FHIRReader.identifier(identifiers, preferring: "MR")
        m.otherPatientIDs = identifiers.compactMap { $0["value"] as? String }
        m.birthDate = object["birthDate"] as? String ?? ""
        m.patientNameParts = FHIRReader.humanNameParts(object["name"])
        switch object["gender"] as? String ?? "" {
        case "male": m.sex = "M"
        case "female": m.sex = "F"
        case "other": m.sex = "O"
        default: break
        }
        byID["Patient/" + id] = m
    }

    /// The record with its patient's fields filled, when its patient is an unresolved
    /// `Patient/<id>` reference found here.
    func fill(_ record: Record) -> Record {
        func filled(_ m: ReportMetadata) -> ReportMetadata? {
            guard m.patientID.hasPrefix("Patient/"), let patient = byID[m.patientID] else { return nil }
            var out = m
            out.patientID = patient.patientID.isEmpty ? m.patientID : patient.patientID
            if out.birthDate.isEmpty { out.birthDate = patient.birthDate }
            if out.sex.isEmpty { out.sex = patient.sex }
            out.patientNameParts += patient.patientNameParts
            out.otherPatientIDs += patient.otherPatientIDs
            return out
        }
        switch record {
        case .success(var report):
            guard let m = filled(report.metadata) else { return record }
            report.metadata = m
            return .success(report)
        case .failure(var error):
            guard let m = filled(error.metadata) else { return record }
            error.metadata = m
            return .failure(error)
        }
    }
}
