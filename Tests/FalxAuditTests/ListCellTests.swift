import Foundation
import Testing

@testable import FalxAudit

/// A free-text list cell (`warnings`, `errors`, `clinical_notes`): its items `; `-joined, each
/// item's own `; ` made `, ` by a byte pass that must give what Foundation's replacement gives.
@Suite
struct ListCellTests {
    static let items = [
        "", "plain", "a; b", "a;b", "a ;b", "; lead", "trail;", "trail; ", ";; ;  x", "é; ü;\u{00A0}z",
        "renal disease: gadolinium caution (NSF risk); ESRD / secondary hyperparathyroidism",
    ]

    @Test(arguments: items)
    func anItemLosesOnlyItsOwnSeparators(item: String) {
        #expect(AuditRow.listItem(item) == item.replacingOccurrences(of: "; ", with: ", "))
    }

    @Test func itemsAreJoinedAndSplitBackIntoThemselves() {
        let cell = AuditRow.list(["first; part", "second", "third;x"])
        #expect(cell == "first, part; second; third;x")
        #expect(cell.components(separatedBy: "; ").count == 3)
        #expect(AuditRow.list([]) == "")
        #expect(AuditRow.list(["one; two"]) == "one, two")
    }
}
