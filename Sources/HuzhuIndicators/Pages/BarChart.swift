import Foundation
import HuzhuPlatform
import Plot

/// A small bar chart drawn on the server as SVG: one bar per period, its value above it, no script.
enum BarChart {
    static func render(_ bars: [(label: String, value: Int64)], caption: String, money: Bool = false) -> Node<HTML.BodyContext> {
        let width = 24, gap = 6, height = 80, top = 16
        let largest = max(bars.map(\.value).max() ?? 0, 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(bars.count * (width + gap)) \(height + top + 14)\">"
        svg += "<title>\(caption.attributeEscaped)</title>"
        for (index, bar) in bars.enumerated() {
            let h = Int(Double(bar.value) / Double(largest) * Double(height))
            let x = index * (width + gap)
            let shown = money ? String(bar.value / 100) : String(bar.value)
            svg += "<rect x=\"\(x)\" y=\"\(top + height - h)\" width=\"\(width)\" height=\"\(h)\"></rect>"
            svg += "<text x=\"\(x + width / 2)\" y=\"\(top + height - h - 3)\" text-anchor=\"middle\">\(shown.attributeEscaped)</text>"
            svg += "<text x=\"\(x + width / 2)\" y=\"\(top + height + 12)\" text-anchor=\"middle\">\(bar.label.attributeEscaped)</text>"
        }
        return .raw(svg + "</svg>")
    }
}
