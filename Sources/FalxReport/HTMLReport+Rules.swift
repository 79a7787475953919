import FalxCore

/// The decision table of the page and the links from a worklist row to its rules and their sources.
extension HTMLReport {
    var rules: Node {
        let rows: [Node] = ruleset.rules.map { r in
            .element(
                "tr", ["id": "rule-\(r.id)"],
                [
                    .element("th", ["scope": "row"], text: r.id), .element("td", text: r.category?.rawValue ?? "modifier"),
                    .element("td", text: r.applies), .element("td", text: r.effect), .element("td", text: r.strength),
                    .element("td", text: r.citation),
                ])
        }
        return section(
            "rules",
            [
                .element("p", [:], text: "Ruleset \(ruleset.version) — \(Ruleset.source)."),
                .element(
                    "table", ["class": "wide"],
                    [
                        .element("caption", text: "The decision table"),
                        .element(
                            "thead", [:],
                            [
                                .element(
                                    "tr", [:],
                                    ["rule", "category", "when", "actions", "strength", "citation"].map {
                                        .element("th", ["scope": "col"], text: $0)
                                    })
                            ]),
                        .element("tbody", [:], rows),
                    ]),
                .element("h3", text: "References"),
                .element(
                    "ul", [:],
                    Ruleset.references.map { ref in
                        .element(
                            "li", ["id": Self.anchor(ref.label)],
                            [.element("strong", text: ref.label), .text(" " + ref.reference)])
                    }),
            ])
    }

    // MARK: - Citations

    func ruleLinks(_ rules: String) -> [Node] {
        rules.split(separator: ";").map(String.init).map { id in
            let citation = ruleset.citation(of: id)
            return .element(
                "span", ["class": "rule"],
                [.element("a", ["href": "#rule-\(id)", "title": citation], text: id)]
                    + Self.citationParts(citation).flatMap { [.text(" "), Self.citationLink($0)] })
        }
    }

    /// A rule's citation cut into its sources: `[ref 4] …; [ref 1, 2] …` → two parts.
    static func citationParts(_ citation: String) -> [String] {
        guard !citation.isEmpty else { return [] }
        let parts = citation.components(separatedBy: "; [").enumerated().map { $0.offset == 0 ? $0.element : "[" + $0.element }
        return parts
    }

    /// The short citation, linked to its entry in the reference list when it has one.
    static func citationLink(_ citation: String) -> Node {
        let short = shortCitation(citation)
        guard let anchor = referenceAnchor(citation) else { return .element("span", ["class": "small"], text: short) }
        return .element("a", ["class": "small", "href": "#\(anchor)", "title": citation], text: short)
    }

    /// The id of the reference list entry a citation points to: `[ref 4]` → the entry whose label
    /// covers 4 (`[ref 2] – [ref 6]`), `clinical summary…` → the summary's entry.
    static func referenceAnchor(_ citation: String) -> String? {
        if citation.hasPrefix("clinical summary") {
            return Ruleset.references.first { $0.label.hasPrefix("clinical summary") }.map { anchor($0.label) }
        }
        guard citation.hasPrefix("[ref "), let first = Int(citation.dropFirst(5).prefix { $0.isNumber }) else { return nil }
        for ref in Ruleset.references {
            let numbers = ref.label.split { !$0.isNumber }.compactMap { Int($0) }
            guard let low = numbers.first, let high = numbers.last else { continue }
            if (low...high).contains(first) { return anchor(ref.label) }
        }
        return nil
    }

    /// `[ref 2] – [ref 6]` → `ref-2-6`; `clinical summary` → `ref-clinical-summary`.
    static func anchor(_ label: String) -> String {
        let words = label.lowercased().split { !$0.isLetter && !$0.isNumber }.filter { $0 != "ref" }
        return "ref-" + words.joined(separator: "-")
    }

    /// `[ref 4] imaging work-up, …` → `[ref 4]`; `clinical summary: …` → `[clinical summary]`.
    static func shortCitation(_ c: String) -> String {
        if c.hasPrefix("["), let end = c.firstIndex(of: "]") { return String(c[...end]) }
        if c.hasPrefix("clinical summary") { return "[summary]" }
        if let colon = c.firstIndex(of: ":") { return "[" + c[..<colon] + "]" }
        return "[" + c + "]"
    }
}
