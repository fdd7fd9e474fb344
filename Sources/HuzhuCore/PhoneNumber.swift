import Foundation

/// A Chinese phone number in one canonical form, whatever way it was typed: digits only, no country
/// code, landlines with their leading 0 (`01012345678`), mobiles as 11 digits, 400/800 service numbers
/// as 10 digits. The canonical form is what is encrypted and what the lookup hash is taken of, so that
/// `+86 138-0013-8000` and `13800138000` find the same worker.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case mobile, landline, service
    }

    public let digits: String
    public let kind: Kind

    /// Parses what a person typed; throws a field error saying the number cannot be a Chinese phone number.
    public init(_ raw: String, field: String = "phone") throws(FieldError) {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw FieldError(field, "error.required") }
        let separators: Set<Character> = [" ", "-", "(", ")", ".", "\u{3000}", "－", "（", "）"]
        text.removeAll { separators.contains($0) }
        // Full-width digits, as typed on many Chinese keyboards.
        text = String(text.map { c -> Character in
            guard let value = c.unicodeScalars.first?.value, (0xFF10...0xFF19).contains(value) else { return c }
            return Character(UnicodeScalar(value - 0xFF10 + 0x30)!)
        })
        var international = false
        if text.hasPrefix("+86") { text.removeFirst(3); international = true }
        else if text.hasPrefix("0086") { text.removeFirst(4); international = true }
        else if text.hasPrefix("86") && text.count == 13 { text.removeFirst(2); international = true }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw FieldError(field, "error.phone_invalid")
        }
        if international && text.hasPrefix("0") { throw FieldError(field, "error.phone_invalid") }

        if text.count == 11, text.hasPrefix("1"), let second = text.dropFirst().first, "3456789".contains(second) {
            (digits, kind) = (text, .mobile)
        } else if text.count == 10, text.hasPrefix("400") || text.hasPrefix("800") {
            (digits, kind) = (text, .service)
        } else {
            let landline = international ? "0" + text : text
            guard Self.isLandline(landline) else { throw FieldError(field, "error.phone_invalid") }
            (digits, kind) = (landline, .landline)
        }
    }

    /// Area codes are 010 and 020-029 (3 digits, then 8), or 0 and three digits (then 7 or 8).
    private static func isLandline(_ number: String) -> Bool {
        guard number.hasPrefix("0"), number.count >= 10, number.count <= 12 else { return false }
        let second = number.dropFirst().first!
        if second == "1" || second == "2" { return number.count == 11 }
        return second != "0" && (number.count == 11 || number.count == 12)
    }

    /// `138****8000`: enough to recognise a number, not to call it.
    public var masked: String {
        let head = digits.prefix(3)
        let tail = digits.suffix(4)
        return head + String(repeating: "*", count: max(digits.count - 7, 0)) + tail
    }

    public var description: String { digits }
}
