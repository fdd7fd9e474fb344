import Foundation

/// A mainland resident identity card number (GB 11643-1999): six digits of region, the birth date
/// as YYYYMMDD, three of sequence (odd for men), and a check character computed over the first 17.
public struct ResidentID: Hashable, Sendable {
    public let value: String

    /// The province-level codes the first two digits may take.
    private static let provinces: Set<Int> = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
    ]
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters = Array("10X98765432")

    /// Validates a typed number against the check character and a plausible birth date (not before
    /// 1900, not after `today`).
    public init(_ raw: String, today: CalendarDate, field: String = "id_number") throws(FieldError) {
        let text = raw.trimmingCharacters(in: .whitespaces).uppercased()
        guard !text.isEmpty else { throw FieldError(field, "error.required") }
        let characters = Array(text)
        guard characters.count == 18, characters.prefix(17).allSatisfy({ $0.isASCII && $0.isNumber }),
              characters[17].isASCII, characters[17].isNumber || characters[17] == "X" else {
            throw FieldError(field, "error.id_format")
        }
        let numbers = characters.prefix(17).map { Int(String($0))! }
        guard Self.provinces.contains(numbers[0] * 10 + numbers[1]) else { throw FieldError(field, "error.id_region") }
        let sum = zip(numbers, Self.weights).reduce(0) { $0 + $1.0 * $1.1 }
        guard Self.checkCharacters[sum % 11] == characters[17] else { throw FieldError(field, "error.id_check") }
        let digits = numbers[6..<14].reduce(0) { $0 * 10 + $1 }
        guard let birth = CalendarDate(year: digits / 10_000, month: digits / 100 % 100, day: digits % 100),
              birth.year >= 1900, birth <= today else { throw FieldError(field, "error.id_birth_date") }
        value = text
    }

    public var birthDate: CalendarDate {
        let digits = Array(value)[6..<14].reduce(0) { $0 * 10 + Int(String($1))! }
        return CalendarDate(year: digits / 10_000, month: digits / 100 % 100, day: digits % 100)!
    }

    /// `1101**********4258`: the region's first digits and the last four, nothing in between.
    public var masked: String { Self.mask(value) }

    /// The same for a number as stored, without checking it again.
    public static func mask(_ value: String) -> String {
        value.prefix(4) + String(repeating: "*", count: max(value.count - 8, 0)) + value.suffix(4)
    }
}
