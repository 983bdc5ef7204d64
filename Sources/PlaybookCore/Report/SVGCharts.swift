import Glibc

/// The report's charts as inline SVG: colours from a palette that stays distinct with common
/// colour-vision deficiencies (blue and vermilion) and in greyscale (solid filled shape with
/// round markers for scores, dashed outline with square markers for targets). Cost is linear
/// in the number of rules; labels and markers thin out when rules are many.
enum SVGCharts {
    static let scoreColor = "#0b5cad"
    static let targetColor = "#c2410c"
    static let gridColor = "#c9d0db"
    static let inkColor = "#1b2230"
    static let mutedColor = "#8a93a3"
    static let trackColor = "#e6e9ef"

    /// One spoke of the radar.
    struct Spoke {
        var label: String
        var score: Int?
        var target: Int?
    }

    /// One bar: a fraction of the full width, an optional target mark, the text shown at its end.
    struct Bar {
        var label: String
        var fraction: Fraction?
        var target: Fraction?
        var value: String
    }

    /// A radar of `spokes` (at least 3) on the 0–3 scale; `ariaLabel` and `describedBy` point to the text alternative.
    static func radar(_ spokes: [Spoke], ariaLabel: String, describedBy: String, legend: (score: String, target: String, notScored: String)) -> String {
        let n = spokes.count
        precondition(n >= 3, "a radar needs three spokes")
        let width = 440.0, height = 438.0, cx = 220.0, cy = 238.0, radius = 168.0
        let hasTarget = spokes.contains { $0.target != nil }
        let labelEvery = max(1, (n + 39) / 40)
        let markers = n <= 60
        // Thick strokes would fill a dense radar: thin them once markers are dropped.
        let scoreStroke = markers ? "2.5" : "1", targetStroke = markers ? "2" : "1"
        var svg = ""
        svg.reserveCapacity(4_096 + n * 160)
        svg +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\""
            + HTMLText.escape(ariaLabel, keepNewlines: false)
            + "\" aria-describedby=\"" + describedBy + "\" font-size=\"14\">"
        // Legend on top, so it is never cut from the shape when printed.
        svg += "<g class=\"legend\">"
        svg +=
            "<line x1=\"4\" y1=\"14\" x2=\"30\" y2=\"14\" stroke=\"\(scoreColor)\" stroke-width=\"3\"/><circle cx=\"17\" cy=\"14\" r=\"4\" fill=\"\(scoreColor)\"/>"
        svg += "<text x=\"36\" y=\"19\" fill=\"\(inkColor)\">" + HTMLText.escape(legend.score) + "</text>"
        if hasTarget {
            svg +=
                "<line x1=\"150\" y1=\"14\" x2=\"176\" y2=\"14\" stroke=\"\(targetColor)\" stroke-width=\"2.5\" stroke-dasharray=\"6 4\"/><rect x=\"159\" y=\"10\" width=\"8\" height=\"8\" fill=\"#fff\" stroke=\"\(targetColor)\" stroke-width=\"2\"/>"
            svg += "<text x=\"182\" y=\"19\" fill=\"\(inkColor)\">" + HTMLText.escape(legend.target) + "</text>"
        }
        if spokes.contains(where: { $0.score == nil }) {
            svg += "<text x=\"4\" y=\"38\" fill=\"\(mutedColor)\" font-style=\"italic\">" + HTMLText.escape(legend.notScored) + "</text>"
        }
        svg += "</g>"

        let angles = (0..<n).map { -Double.pi / 2 + 2 * Double.pi * Double($0) / Double(n) }
        let cosines = angles.map(cos), sines = angles.map(sin)
        func point(_ i: Int, _ r: Double) -> String { f(cx + r * cosines[i]) + "," + f(cy + r * sines[i]) }

        svg += "<g fill=\"none\" stroke=\"\(gridColor)\" stroke-width=\"1\">"
        for level in 1...3 {
            let r = radius * Double(level) / 3
            if n <= 24 {
                svg += "<polygon points=\"" + (0..<n).map { point($0, r) }.joined(separator: " ") + "\"/>"
            } else {
                svg += "<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"\(f(r))\"/>"
            }
        }
        for i in stride(from: 0, to: n, by: labelEvery) {
            svg += "<line x1=\"\(f(cx))\" y1=\"\(f(cy))\" x2=\"" + f(cx + radius * cosines[i]) + "\" y2=\"" + f(cy + radius * sines[i]) + "\"/>"
        }
        svg += "</g>"
        svg += "<g fill=\"\(mutedColor)\" font-size=\"11\">"
        for level in 1...3 { svg += "<text x=\"\(f(cx + 4))\" y=\"\(f(cy - radius * Double(level) / 3 + 11))\">\(level)</text>" }
        svg += "</g>"

        let scored = (0..<n).filter { spokes[$0].score != nil }
        if !scored.isEmpty {
            let points = scored.map { point($0, radius * Double(spokes[$0].score!) / 3) }.joined(separator: " ")
            svg +=
                "<polygon points=\"" + points
                + "\" fill=\"\(scoreColor)\" fill-opacity=\"0.18\" stroke=\"\(scoreColor)\" stroke-width=\"\(scoreStroke)\" stroke-linejoin=\"round\"/>"
        }
        let targeted = (0..<n).filter { spokes[$0].target != nil }
        if !targeted.isEmpty {
            let points = targeted.map { point($0, radius * Double(spokes[$0].target!) / 3) }.joined(separator: " ")
            svg +=
                "<polygon points=\"" + points
                + "\" fill=\"none\" stroke=\"\(targetColor)\" stroke-width=\"\(targetStroke)\" stroke-dasharray=\"6 4\" stroke-linejoin=\"round\"/>"
        }
        if markers {
            svg += "<g fill=\"#fff\" stroke=\"\(targetColor)\" stroke-width=\"2\">"
            for i in targeted {
                let r = radius * Double(spokes[i].target!) / 3
                svg += "<rect x=\"" + f(cx + r * cosines[i] - 4) + "\" y=\"" + f(cy + r * sines[i] - 4) + "\" width=\"8\" height=\"8\"/>"
            }
            svg += "</g><g fill=\"\(scoreColor)\">"
            for i in scored {
                let r = radius * Double(spokes[i].score!) / 3
                svg += "<circle cx=\"" + f(cx + r * cosines[i]) + "\" cy=\"" + f(cy + r * sines[i]) + "\" r=\"3.5\"/>"
            }
            svg += "</g>"
        }
        svg += "<g font-size=\"\(n > 24 ? 10 : 15)\" font-weight=\"600\" text-anchor=\"middle\" dominant-baseline=\"central\">"
        for i in stride(from: 0, to: n, by: labelEvery) {
            let muted = spokes[i].score == nil
            svg +=
                "<text x=\"" + f(cx + (radius + 16) * cosines[i]) + "\" y=\"" + f(cy + (radius + 16) * sines[i]) + "\" fill=\""
                + (muted ? mutedColor : inkColor) + "\""
                + (muted ? " font-style=\"italic\" font-weight=\"400\"" : "") + ">" + HTMLText.escape(spokes[i].label) + "</text>"
        }
        svg += "</g></svg>"
        return svg
    }

    /// Horizontal bars on the 0–3 scale, with gridlines at each level (`axis` names them: 0, 1, 2, 3).
    static func bars(_ bars: [Bar], ariaLabel: String, describedBy: String, axis: [String], axisTitle: String) -> String {
        let width = 440.0, row = 46.0, top = 4.0
        let height = top + row * Double(bars.count) + 34
        var svg = ""
        svg.reserveCapacity(1_024 + bars.count * 420)
        svg +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\""
            + HTMLText.escape(ariaLabel, keepNewlines: false)
            + "\" aria-describedby=\"" + describedBy + "\" font-size=\"13\">"
        let plotBottom = top + row * Double(bars.count)
        for (i, bar) in bars.enumerated() {
            let y = top + row * Double(i)
            svg +=
                "<text x=\"0\" y=\"\(f(y + 14))\" fill=\"\(inkColor)\">" + HTMLText.escape(TextWrap.clip(bar.label, width: 48), keepNewlines: false) + "</text>"
            svg +=
                "<text x=\"\(f(width))\" y=\"\(f(y + 14))\" text-anchor=\"end\" font-weight=\"700\" fill=\"" + (bar.fraction == nil ? mutedColor : inkColor)
                + "\">" + HTMLText.escape(bar.value) + "</text>"
            svg += "<rect x=\"0\" y=\"\(f(y + 21))\" width=\"\(f(width))\" height=\"14\" rx=\"2\" fill=\"\(trackColor)\"/>"
            if let fraction = bar.fraction, fraction.denominator > 0 {
                let w = width * Double(min(fraction.numerator, fraction.denominator)) / Double(fraction.denominator)
                if w > 0 { svg += "<rect x=\"0\" y=\"\(f(y + 21))\" width=\"\(f(w))\" height=\"14\" rx=\"2\" fill=\"\(scoreColor)\"/>" }
            }
            if let target = bar.target, target.denominator > 0 {
                let x = width * Double(min(target.numerator, target.denominator)) / Double(target.denominator)
                svg +=
                    "<line x1=\"\(f(x))\" y1=\"\(f(y + 17))\" x2=\"\(f(x))\" y2=\"\(f(y + 39))\" stroke=\"\(targetColor)\" stroke-width=\"3\" stroke-dasharray=\"4 2\"/>"
            }
        }
        // Level marks cross each bar only, never its label: white notches at levels 1 and 2.
        svg += "<g stroke=\"#fff\" stroke-width=\"2\">"
        for i in bars.indices {
            let y = top + row * Double(i)
            for level in 1..<3 {
                let x = f(width * Double(level) / 3)
                svg += "<line x1=\"" + x + "\" y1=\"\(f(y + 21))\" x2=\"" + x + "\" y2=\"\(f(y + 35))\"/>"
            }
        }
        svg += "</g><g fill=\"\(mutedColor)\" font-size=\"11\">"
        for (level, name) in axis.prefix(4).enumerated() {
            let x = width * Double(level) / 3
            let anchor = level == 0 ? "start" : (level == 3 ? "end" : "middle")
            svg +=
                "<text x=\"\(f(x))\" y=\"\(f(plotBottom + 14))\" text-anchor=\"\(anchor)\">"
                + HTMLText.escape(TextWrap.clip(name, width: 22), keepNewlines: false) + "</text>"
        }
        svg += "<text x=\"\(f(width / 2))\" y=\"\(f(plotBottom + 30))\" text-anchor=\"middle\" font-style=\"italic\">" + HTMLText.escape(axisTitle) + "</text>"
        svg += "</g></svg>"
        return svg
    }

    /// A coordinate with one decimal, without a trailing `.0` and never `-0`.
    static func f(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        if tenths == 0 { return "0" }
        let sign = tenths < 0 ? "-" : ""
        let m = abs(tenths)
        return sign + String(m / 10) + (m % 10 == 0 ? "" : "." + String(m % 10))
    }
}
