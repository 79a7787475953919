import Foundation

/// A series of a chart: its name (legend) and how it is painted. Fills differ in lightness and
/// pattern as well as hue, so a chart still reads in black and white.
public struct ChartSeries: Sendable, Equatable {
    public var name: String
    /// A colour or `url(#pattern)` from ``Chart/definitions``.
    public var fill: String
    /// The colour of a count written on the fill.
    public var ink: String

    public init(name: String, fill: String, ink: String) {
        self.name = name
        self.fill = fill
        self.ink = ink
    }

    public static func dark(_ name: String) -> ChartSeries { ChartSeries(name: name, fill: "#1f4e8c", ink: "#ffffff") }
    public static func alarm(_ name: String) -> ChartSeries { ChartSeries(name: name, fill: "#a50f15", ink: "#ffffff") }
    public static func hatched(_ name: String) -> ChartSeries {
        ChartSeries(name: name, fill: "url(#fx-hatch)", ink: "#000000")
    }
    public static func light(_ name: String) -> ChartSeries { ChartSeries(name: name, fill: "#c6dbef", ink: "#000000") }
    public static func dotted(_ name: String) -> ChartSeries { ChartSeries(name: name, fill: "url(#fx-dots)", ink: "#000000") }
}

/// One labelled row of a chart: a value per series.
public struct ChartRow: Sendable, Equatable {
    public var label: String
    public var values: [Int]
    /// Written after the bar (e.g. "n = 12, missed 25 %").
    public var note: String

    public init(label: String, values: [Int], note: String = "") {
        self.label = label
        self.values = values
        self.note = note
    }
}

/// A point of a rate chart: `numerator` of `denominator` at `label`.
public struct RatePoint: Sendable, Equatable {
    public var label: String
    public var numerator: Int
    public var denominator: Int

    public init(label: String, numerator: Int, denominator: Int) {
        self.label = label
        self.numerator = numerator
        self.denominator = denominator
    }

    public var rate: Double? { denominator == 0 ? nil : Double(numerator) / Double(denominator) }
}

/// Inline SVG charts, built as ``Node``s: horizontal (stacked) bars, columns, and a rate line. Each is a
/// `<figure>` whose `<svg role="img">` carries a `<title>` and a `<desc>` listing every value (the alt
/// text), with a `viewBox` so it scales to the page and to A4 when printed.
public enum Chart {
    static let width = 760.0
    static let rowHeight = 22.0
    static let barHeight = 15.0

    /// The patterns the series refer to; put once at the top of the page.
    public static var definitions: Node {
        .element(
            "svg", ["width": "0", "height": "0", "aria-hidden": "true", "focusable": "false", "class": "defs"],
            [
                .element(
                    "defs", [:],
                    [
                        .element(
                            "pattern",
                            [
                                "id": "fx-hatch", "patternUnits": "userSpaceOnUse", "width": "6", "height": "6",
                                "patternTransform": "rotate(45)",
                            ],
                            [
                                .element("rect", ["width": "6", "height": "6", "fill": "#fdd49e"]),
                                .element(
                                    "line",
                                    ["x1": "0", "y1": "0", "x2": "0", "y2": "6", "stroke": "#7f2704", "stroke-width": "2"]),
                            ]),
                        .element(
                            "pattern", ["id": "fx-dots", "patternUnits": "userSpaceOnUse", "width": "5", "height": "5"],
                            [
                                .element("rect", ["width": "5", "height": "5", "fill": "#f0f0f0"]),
                                .element("circle", ["cx": "2.5", "cy": "2.5", "r": "1.2", "fill": "#252525"]),
                            ]),
                    ])
            ])
    }

    /// Horizontal bars, one or more series stacked per row, scaled to the largest row total; each row
    /// ends with its total and note, and wide segments show their count.
    public static func bars(
        id: String, title: String, series: [ChartSeries], rows: [ChartRow], labelWidth: Double = 210
    ) -> Node {
        let total = rows.map { $0.values.reduce(0, +) }.max() ?? 0
        let legendHeight = series.count > 1 ? 24.0 : 0
        let height = legendHeight + Double(rows.count) * rowHeight + 8
        // Room for the longest note after the longest bar (about 6.8 px a character at 11.5 px).
        let noteWidth = min(320, max(60, Double(rows.map { max($0.note.count, 6) }.max() ?? 6) * 6.8 + 12))
        let plot = width - labelWidth - noteWidth - 10
        var children: [Node] = [
            .element("title", ["id": "\(id)-t"], text: title),
            .element("desc", ["id": "\(id)-d"], text: describe(series: series, rows: rows)),
        ]
        if series.count > 1 { children.append(legend(series, x: labelWidth, y: 4)) }
        for (r, row) in rows.enumerated() {
            let y = legendHeight + Double(r) * rowHeight + 4
            children.append(
                .element(
                    "text",
                    ["x": fmt(labelWidth - 6), "y": fmt(y + barHeight - 3), "text-anchor": "end", "class": "label"],
                    [.text(clip(row.label, 32)), .element("title", text: row.label)]))
            var x = labelWidth
            var rowTotal = 0
            for (s, value) in row.values.enumerated() where value > 0 {
                let w = total == 0 ? 0 : plot * Double(value) / Double(total)
                let style = series[min(s, series.count - 1)]
                children.append(
                    .element(
                        "rect",
                        [
                            "x": fmt(x), "y": fmt(y), "width": fmt(max(w, 1)), "height": fmt(barHeight), "fill": style.fill,
                            "stroke": "#000000", "stroke-width": "0.5",
                        ],
                        [.element("title", text: "\(row.label): \(style.name) \(value)")]))
                if w >= 8 * Double(String(value).count) + 6 {
                    children.append(
                        .element(
                            "text",
                            [
                                "x": fmt(x + w / 2), "y": fmt(y + barHeight - 3.5), "text-anchor": "middle", "fill": style.ink,
                                "class": "in-bar",
                            ], text: String(value)))
                }
                x += w
                rowTotal += value
            }
            let note = row.note.isEmpty ? String(rowTotal) : row.note
            children.append(
                .element("text", ["x": fmt(x + 5), "y": fmt(y + barHeight - 3), "class": "value"], text: note))
        }
        return figure(id: id, title: title, height: height, children: children)
    }

    /// Vertical columns (a histogram), count above each.
    public static func columns(id: String, title: String, series: ChartSeries, rows: [ChartRow]) -> Node {
        let height = 220.0
        let top = 20.0
        let bottom = 34.0
        let left = 40.0
        let plotHeight = height - top - bottom
        let maxValue = max(rows.map { $0.values.first ?? 0 }.max() ?? 0, 1)
        let slot = (width - left - 10) / Double(max(rows.count, 1))
        var children: [Node] = [
            .element("title", ["id": "\(id)-t"], text: title),
            .element("desc", ["id": "\(id)-d"], text: describe(series: [series], rows: rows)),
            .element(
                "line",
                [
                    "x1": fmt(left), "y1": fmt(top + plotHeight), "x2": fmt(width - 10), "y2": fmt(top + plotHeight),
                    "stroke": "#000000",
                ]),
        ]
        for (i, row) in rows.enumerated() {
            let v = row.values.first ?? 0
            let h = plotHeight * Double(v) / Double(maxValue)
            let x = left + Double(i) * slot + slot * 0.15
            let w = slot * 0.7
            if v > 0 {
                children.append(
                    .element(
                        "rect",
                        [
                            "x": fmt(x), "y": fmt(top + plotHeight - h), "width": fmt(w), "height": fmt(h), "fill": series.fill,
                            "stroke": "#000000", "stroke-width": "0.5",
                        ],
                        [.element("title", text: "\(row.label): \(v)")]))
            }
            children.append(
                .element(
                    "text", ["x": fmt(x + w / 2), "y": fmt(top + plotHeight - h - 4), "text-anchor": "middle", "class": "value"],
                    text: String(v)))
            children.append(
                .element(
                    "text", ["x": fmt(x + w / 2), "y": fmt(height - bottom + 16), "text-anchor": "middle", "class": "label"],
                    text: row.label))
        }
        return figure(id: id, title: title, height: height, children: children)
    }

    /// A rate over ordered points (months): a line with a marker per point, `numerator/denominator`
    /// written above each when there are few points, a gap where the denominator is zero.
    public static func line(id: String, title: String, points: [RatePoint], yLabel: String) -> Node {
        let height = 260.0
        let top = 28.0
        let bottom = 40.0
        let left = 52.0
        let right = 36.0
        let plotHeight = height - top - bottom
        let plotWidth = width - left - right
        let maxRate = points.compactMap(\.rate).max() ?? 0
        let yMax = max(0.1, (maxRate * 10).rounded(.up) / 10)
        func yPos(_ r: Double) -> Double { top + plotHeight * (1 - r / yMax) }
        let step = points.count > 1 ? plotWidth / Double(points.count - 1) : 0
        func xPos(_ i: Int) -> Double { points.count > 1 ? left + step * Double(i) : left + plotWidth / 2 }
        var children: [Node] = [
            .element("title", ["id": "\(id)-t"], text: title),
            .element("desc", ["id": "\(id)-d"], text: describe(points: points)),
        ]
        for k in 0...4 {
            let r = yMax * Double(k) / 4
            children.append(
                .element(
                    "line",
                    [
                        "x1": fmt(left), "y1": fmt(yPos(r)), "x2": fmt(width - right), "y2": fmt(yPos(r)),
                        "stroke": k == 0 ? "#000000" : "#bdbdbd", "stroke-dasharray": k == 0 ? "none" : "3,3",
                    ]))
            children.append(
                .element(
                    "text", ["x": fmt(left - 6), "y": fmt(yPos(r) + 4), "text-anchor": "end", "class": "label"],
                    text: percent(r, digits: 0)))
        }
        children.append(
            .element(
                "text",
                [
                    "x": "12", "y": fmt(top + plotHeight / 2), "transform": "rotate(-90 12 \(fmt(top + plotHeight / 2)))",
                    "text-anchor": "middle", "class": "label",
                ],
                text: yLabel))
        // The line, broken where a month has no case needing work-up.
        var segments: [[String]] = [[]]
        for (i, p) in points.enumerated() {
            if let r = p.rate {
                segments[segments.count - 1].append("\(fmt(xPos(i))),\(fmt(yPos(r)))")
            } else if !(segments.last?.isEmpty ?? true) {
                segments.append([])
            }
        }
        for s in segments where s.count > 1 {
            children.append(
                .element(
                    "polyline", ["points": s.joined(separator: " "), "fill": "none", "stroke": "#a50f15", "stroke-width": "2"]))
        }
        let labelEvery = max(1, Int((Double(points.count) / 12).rounded(.up)))
        for (i, p) in points.enumerated() {
            if let r = p.rate {
                children.append(
                    .element(
                        "circle",
                        [
                            "cx": fmt(xPos(i)), "cy": fmt(yPos(r)), "r": "3.5", "fill": "#ffffff", "stroke": "#a50f15",
                            "stroke-width": "2",
                        ],
                        [.element("title", text: "\(p.label): \(p.numerator) of \(p.denominator) (\(percent(r, digits: 1)))")]))
                if points.count <= 18 {
                    children.append(
                        .element(
                            "text", ["x": fmt(xPos(i)), "y": fmt(yPos(r) - 8), "text-anchor": "middle", "class": "value"],
                            text: "\(p.numerator)/\(p.denominator)"))
                }
            }
            if i % labelEvery == 0 {
                children.append(
                    .element(
                        "text", ["x": fmt(xPos(i)), "y": fmt(height - bottom + 16), "text-anchor": "middle", "class": "label"],
                        text: p.label))
            }
        }
        return figure(id: id, title: title, height: height, children: children)
    }

    // MARK: - Parts

    static func figure(id: String, title: String, height: Double, children: [Node]) -> Node {
        .element(
            "figure", ["class": "chart", "id": id],
            [
                .element(
                    "svg",
                    [
                        "xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(fmt(width)) \(fmt(height))", "role": "img",
                        "aria-labelledby": "\(id)-t \(id)-d", "preserveAspectRatio": "xMinYMin meet",
                    ], children),
                .element("figcaption", text: title),
            ])
    }

    static func legend(_ series: [ChartSeries], x: Double, y: Double) -> Node {
        var nodes: [Node] = []
        var at = x
        for s in series {
            nodes.append(
                .element(
                    "rect",
                    [
                        "x": fmt(at), "y": fmt(y), "width": "14", "height": "14", "fill": s.fill, "stroke": "#000000",
                        "stroke-width": "0.5",
                    ]))
            nodes.append(.element("text", ["x": fmt(at + 19), "y": fmt(y + 11.5), "class": "label"], text: s.name))
            at += 19 + 7.2 * Double(s.name.count) + 18
        }
        return .element("g", ["class": "legend"], nodes)
    }

    static func describe(series: [ChartSeries], rows: [ChartRow]) -> String {
        let shown = rows.prefix(40).map { row -> String in
            if series.count == 1 { return "\(row.label): \(row.values.first ?? 0)" }
            let parts = zip(series, row.values).map { "\($0.name) \($1)" }
            return "\(row.label): " + parts.joined(separator: ", ")
        }
        return shown.joined(separator: "; ") + (rows.count > 40 ? "; and \(rows.count - 40) more rows" : "") + "."
    }

    static func describe(points: [RatePoint]) -> String {
        let shown = points.prefix(60).map { p in
            "\(p.label): \(p.numerator) of \(p.denominator)" + (p.rate.map { " (\(percent($0, digits: 1)))" } ?? "")
        }
        return shown.joined(separator: "; ") + (points.count > 60 ? "; and \(points.count - 60) more" : "") + "."
    }

    static func fmt(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    static func clip(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }
}

/// `0.125` → `12.5 %`.
public func percent(_ fraction: Double, digits: Int = 1) -> String {
    String(format: "%.\(digits)f %%", fraction * 100)
}
