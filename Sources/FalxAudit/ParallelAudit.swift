import Dispatch
import FalxIngest

extension Auditor {
    /// Audits a batch of records on up to `jobs` threads; rows come back in input order.
    public func rows(for records: [Record], jobs: Int) -> [AuditRow] {
        parallelMap(records, jobs: jobs, row(for:))
    }

    /// Audits a batch and encodes each row for the output on up to `jobs` threads, so that only
    /// the copying of finished bytes is left to the writer; in input order.
    /// `transform` (pseudonymisation) is applied to each row's values first.
    public func encodedRows(
        for records: [Record], jobs: Int, format: AuditFormat, transform: (@Sendable (inout [String]) -> Void)? = nil
    ) -> [(row: AuditRow, values: [String], bytes: [UInt8])] {
        parallelMap(records, jobs: jobs) { record in
            let row = row(for: record)
            let (values, bytes) = AuditWriter.encode(row, format: format, transform: transform)
            return (row, values, bytes)
        }
    }
}
