/// A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from an alphabet of
/// 31 (digits and capitals without I, O, Z, S, V), the last a check character over the first 17.
public struct CreditCode: Hashable, Sendable {
    public let value: String

    private static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    private static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public init(_ raw: String, field: String = "credit_code") throws(FieldError) {
        let text = raw.filter { !$0.isWhitespace }.uppercased()
        guard !text.isEmpty else { throw FieldError(field, "error.required") }
        let characters = Array(text)
        let values = characters.compactMap { Self.alphabet.firstIndex(of: $0) }
        guard characters.count == 18, values.count == 18 else { throw FieldError(field, "error.credit_code_format") }
        guard Self.check(of: values.prefix(17)) == values[17] else { throw FieldError(field, "error.credit_code_check") }
        value = text
    }

    /// The check character's value for the first 17 characters' values.
    static func check(of values: ArraySlice<Int>) -> Int {
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return (31 - sum % 31) % 31
    }

    /// Completes 17 characters with their check character (for tests and demo data).
    public static func completing(_ first17: String) -> String? {
        let values = first17.compactMap { alphabet.firstIndex(of: $0) }
        guard first17.count == 17, values.count == 17 else { return nil }
        return first17 + String(alphabet[check(of: values[...])])
    }
}
