/// An amount of yuan held as integer fen (1 yuan = 100 fen): never a floating-point number.
public struct Money: Hashable, Comparable, Codable, Sendable {
    public let fen: Int64

    public init(fen: Int64) { self.fen = fen }

    public static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }

    /// `¥1,234.56`; negative amounts as `-¥1,234.56`. The same in both languages.
    public var formatted: String {
        let magnitude = fen.magnitude
        let yuan = String(magnitude / 100)
        let cents = magnitude % 100
        var grouped = ""
        for (index, digit) in yuan.enumerated() {
            if index > 0 && (yuan.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let sign = fen < 0 ? "-" : ""
        return "\(sign)¥\(grouped).\(cents < 10 ? "0" : "")\(cents)"
    }
}
