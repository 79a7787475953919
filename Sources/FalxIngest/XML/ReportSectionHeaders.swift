/// Canonical section header lines for coded or titled sections of XML reports (CDA sections,
/// HL7 v2 XML OBX-3), so that Falx's sectionizer sees the document's own section boundaries.
///
/// The HL7 v2 ER7 reader uses the same tables, so the same report gives the same headers in every
/// encoding. DICOM codes follow PS3.16 CID 7001 (121076 is "Conclusions").
enum ReportSectionHeaders {
    /// LOINC and DICOM (DCM) section codes → header text (without the colon).
    static let codes: [String: String] = [
        "18782-3": "FINDINGS", "59776-5": "FINDINGS", "19005-8": "IMPRESSION", "11329-0": "CLINICAL HISTORY",
        "55752-0": "CLINICAL INFORMATION", "59768-2": "INDICATION", "18785-6": "INDICATION", "55111-9": "TECHNIQUE",
        "18834-2": "COMPARISON", "18783-1": "RECOMMENDATION", "55110-1": "CONCLUSION", "55107-7": "ADDENDUM",
        "29545-1": "FINDINGS", "42349-1": "REASON FOR REFERRAL", "121060": "CLINICAL HISTORY",
        "121062": "REASON FOR REQUEST", "121064": "TECHNIQUE", "121066": "COMPARISON", "121068": "COMPARISON",
        "121070": "FINDINGS", "121071": "FINDINGS", "121072": "IMPRESSION", "121073": "IMPRESSION",
        "121074": "RECOMMENDATION", "121075": "RECOMMENDATION", "121076": "CONCLUSION", "121077": "CONCLUSION",
        "121078": "ADDENDUM", "121109": "INDICATION", "121110": "CLINICAL HISTORY", "121111": "SUMMARY",
    ]

    /// Codes of sections that hold no report text (the DICOM Object Catalog lists image references).
    static let skippedCodes: Set<String> = ["121181"]

    /// Whole section titles or OBX-3 texts (lower case, words joined by one space) → header.
    static let names: [String: String] = [
        "find": "FINDINGS", "fnd": "FINDINGS", "finding": "FINDINGS", "findings": "FINDINGS", "result": "FINDINGS",
        "results": "FINDINGS", "impression": "IMPRESSION", "impressions": "IMPRESSION", "imp": "IMPRESSION",
        "impress": "IMPRESSION", "conclusion": "CONCLUSION", "conclusions": "CONCLUSION", "summary": "SUMMARY",
        "history": "CLINICAL HISTORY", "clinical history": "CLINICAL HISTORY", "hx": "CLINICAL HISTORY",
        "clinical information": "CLINICAL INFORMATION", "clinical info": "CLINICAL INFORMATION",
        "indication": "INDICATION", "indications": "INDICATION", "reason for exam": "REASON FOR EXAM",
        "reason for study": "REASON FOR EXAM", "technique": "TECHNIQUE", "comparison": "COMPARISON",
        "comparisons": "COMPARISON", "recommendation": "RECOMMENDATION", "recommendations": "RECOMMENDATION",
        "addendum": "ADDENDUM", "exam": "EXAM", "examination": "EXAM", "procedure": "EXAM",
    ]

    /// Last words that name the section of a longer title ("Procedure Findings").
    static let lastWords: [String: String] = [
        "findings": "FINDINGS", "impression": "IMPRESSION", "impressions": "IMPRESSION", "conclusion": "CONCLUSION",
        "conclusions": "CONCLUSION", "history": "CLINICAL HISTORY", "indication": "INDICATION",
        "indications": "INDICATION", "technique": "TECHNIQUE", "comparison": "COMPARISON",
        "recommendation": "RECOMMENDATION", "recommendations": "RECOMMENDATION", "addendum": "ADDENDUM",
        "description": "TECHNIQUE",
    ]

    /// The canonical header for a code, else for a title or name; nil when neither is known.
    static func header(code: String, name: String) -> String? {
        if let h = codes[code] { return h }
        for candidate in [name, code] {
            let words = normalisedWords(candidate)
            guard !words.isEmpty else { continue }
            if let h = names[words.joined(separator: " ")] { return h }
            if let last = words.last, let h = lastWords[last] { return h }
        }
        return nil
    }

    /// A title written as a header line of its own when it is not a known section: upper case
    /// (ASCII), trailing colon and spaces removed. Empty when the title is blank.
    static func label(_ title: String) -> String {
        var t = XMLTree.collapse(title)
        while let last = t.unicodeScalars.last, last == ":" || last == " " { t.unicodeScalars.removeLast() }
        return String(decoding: t.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
    }

    private static func normalisedWords(_ s: String) -> [String] {
        let mapped = s.utf8.map { b -> UInt8 in
            if b >= 0x41 && b <= 0x5A { return b + 0x20 }
            let isAlnum = (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A)
            return isAlnum ? b : 0x20
        }
        return mapped.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
    }
}
