import Foundation

/// One group's rate with its Wilson interval, for ``Chart/rates(id:title:rows:)``: a ``RatePoint``.
public typealias RateRow = RatePoint

extension RatePoint {
    public var interval: (lower: Double, upper: Double)? { Wilson.interval(numerator, of: denominator) }
    /// Fewer than ``Wilson/smallN`` cases: greyed and marked, never to be judged on.
    public var isSmall: Bool { denominator < Wilson.smallN }

    /// `3/12 = 25 % (95 % CI 9–53 %), small n` — what the chart writes beside the bar and the table shows.
    public var summary: String {
        guard let rate, let ci = interval else { return "no case needing work-up" }
        return "\(numerator)/\(denominator) = \(percent(rate, digits: 0)) (95 % CI \(Self.range(ci)))"
            + (isSmall ? ", small n" : "")
    }

    /// `9–53 %`.
    static func range(_ ci: (lower: Double, upper: Double)) -> String {
        String(format: "%.0f–%.0f %%", ci.lower * 100, ci.upper * 100)
    }
}

extension Chart {
    /// Horizontal bars of rates on a 0–100 % axis, each with its 95 % Wilson interval drawn as a
    /// line with end ticks and the counts written beside it; a group under ``Wilson/smallN`` cases
    /// is drawn grey and dotted and marked "small n". A group with no denominator has no bar.
    public static func rates(id: String, title: String, rows: [RateRow], labelWidth: Double = 210) -> Node {
        let axisHeight = 18.0
        let height = axisHeight + Double(rows.count) * rowHeight + 8
        let noteWidth = 250.0
        let plot = width - labelWidth - noteWidth - 10
        func x(_ r: Double) -> Double { labelWidth + plot * r }
        var children: [Node] = [
            .element("title", ["id": "\(id)-t"], text: title),
            .element(
                "desc", ["id": "\(id)-d"],
                text: rows.prefix(40).map { "\($0.label): \($0.summary)" }.joined(separator: "; ")
                    + (rows.count > 40 ? "; and \(rows.count - 40) more rows" : "") + "."),
        ]
        for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
            children.append(
                .element(
                    "line",
                    [
                        "x1": fmt(x(tick)), "x2": fmt(x(tick)), "y1": fmt(axisHeight - 2), "y2": fmt(height - 6),
                        "stroke": "#bbbbbb", "stroke-width": "0.5",
                    ]))
            children.append(
                .element(
                    "text", ["x": fmt(x(tick)), "y": fmt(axisHeight - 5), "text-anchor": "middle", "class": "label"],
                    text: percent(tick, digits: 0)))
        }
        for (r, row) in rows.enumerated() {
            let y = axisHeight + Double(r) * rowHeight + 4
            let mid = y + barHeight / 2
            var rowNodes: [Node] = [
                .element(
                    "text",
                    ["x": fmt(labelWidth - 6), "y": fmt(y + barHeight - 3), "text-anchor": "end", "class": "label"],
                    [.text(clip(row.label, 32)), .element("title", text: row.label)])
            ]
            if let rate = row.rate, let ci = row.interval {
                let fill = row.isSmall ? "url(#fx-dots)" : "#a50f15"
                rowNodes.append(
                    .element(
                        "rect",
                        [
                            "x": fmt(labelWidth), "y": fmt(y), "width": fmt(max(plot * rate, 1)), "height": fmt(barHeight),
                            "fill": fill, "stroke": "#000000", "stroke-width": "0.5",
                        ],
                        [.element("title", text: "\(row.label): \(row.summary)")]))
                let stroke = row.isSmall ? "#767676" : "#000000"
                for (x1, x2, y1, y2) in [
                    (x(ci.lower), x(ci.upper), mid, mid), (x(ci.lower), x(ci.lower), mid - 5, mid + 5),
                    (x(ci.upper), x(ci.upper), mid - 5, mid + 5),
                ] {
                    rowNodes.append(
                        .element(
                            "line",
                            [
                                "x1": fmt(x1), "x2": fmt(x2), "y1": fmt(y1), "y2": fmt(y2), "stroke": stroke,
                                "stroke-width": "1.5", "class": "ci",
                            ]))
                }
            }
            rowNodes.append(
                .element("text", ["x": fmt(x(1) + 8), "y": fmt(y + barHeight - 3), "class": "value"], text: row.summary))
            children.append(.element("g", row.isSmall ? ["class": "small-n", "opacity": "0.6"] : [:], rowNodes))
        }
        return figure(id: id, title: title, height: height, children: children)
    }
}
