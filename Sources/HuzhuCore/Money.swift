import Foundation

/// An amount of yuan held as integer fen (1 yuan = 100 fen): never a floating-point number.
public struct Money: Hashable, Comparable, Codable, Sendable {
    public let fen: Int64

    public init(fen: Int64) { self.fen = fen }

    public static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }

    /// `¥1,234.56`; negative amounts as `-¥1,234.56`. The same in both languages.
    public var formatted: String {
        let cents = fen.magnitude % 100
        let sign = fen < 0 ? "-" : ""
        return "\(sign)¥\(Self.grouped(fen.magnitude / 100)).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// A whole number with thousands separators: `34,457`.
    public static func grouped(_ number: some BinaryInteger) -> String {
        let digits = String(number.magnitude)
        var grouped = number < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return grouped
    }
}

extension Money {
    /// Parses an amount typed in yuan (`1234.5`, `1,234.56`, `¥800`, `800元`): positive, at most two
    /// decimals, at most `maxYuan` (¥100,000,000 for one claim or payment; a network's yearly total is more).
    public init(yuan raw: String, field: String, maxYuan: Int64 = 100_000_000) throws(FieldError) {
        var text = raw.filter { !$0.isWhitespace && $0 != "," && $0 != "，" }
        for mark in ["¥", "￥", "元"] { text = text.replacingOccurrences(of: mark, with: "") }
        guard !text.isEmpty else { throw FieldError(field, "error.required") }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 15,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }),
              parts.count == 1 || (1...2).contains(parts[1].count) && parts[1].allSatisfy({ $0.isASCII && $0.isNumber })
        else { throw FieldError(field, "error.money_format") }
        let cents = parts.count == 2 ? Int64(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0))! : 0
        let fen = Int64(whole)! * 100 + cents
        guard fen > 0 else { throw FieldError(field, "error.money_positive") }
        guard fen <= maxYuan * 100 else { throw FieldError(field, "error.money_too_large") }
        self.init(fen: fen)
    }

    /// The amount as a form shows it for editing: `1234.50`.
    public var plain: String { "\(fen / 100).\(String(format: "%02d", fen % 100))" }
}
