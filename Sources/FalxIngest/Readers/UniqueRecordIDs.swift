/// Makes the record ids of one run unique, in input order: an id met before gets `~2`, `~3`, …
/// (the next free one), so `ACC-1` sent three times (preliminary, final, corrected) becomes
/// `ACC-1`, `ACC-1~2`, `ACC-1~3`. The same inputs in the same order give the same ids, whatever
/// the job count or working directory.
///
/// Ids from paths are unique already (``InputWalker/rootNames(_:)``); the ones a record carries
/// (a JSON Lines `id`, an accession) may repeat within and across files. Every id is remembered as
/// a 64-bit FNV-1a hash (about 16 bytes each); two different ids of one run sharing a hash (odds
/// near 1 in 10^7 for ten million ids) would only give the second a needless `~2`.
public struct UniqueRecordIDs: Sendable {
    var seen = Set<UInt64>()
    /// The last suffix given to each repeated id.
    var repeats: [String: Int] = [:]

    public init() {}

    /// The record with a run-unique id.
    public mutating func unique(_ record: Record) -> Record {
        let id = record.recordID
        guard !seen.insert(Self.hash(id)).inserted else { return record }
        var k = repeats[id, default: 1]
        var candidate: String
        repeat {
            k += 1
            candidate = "\(id)~\(k)"
        } while !seen.insert(Self.hash(candidate)).inserted
        repeats[id] = k
        switch record {
        case .success(var r):
            r.recordID = candidate
            return .success(r)
        case .failure(var e):
            e.recordID = candidate
            return .failure(e)
        }
    }

    /// FNV-1a, 64 bits: the same for the same bytes in every process (Swift's `Hasher` is seeded
    /// per process).
    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }
}
