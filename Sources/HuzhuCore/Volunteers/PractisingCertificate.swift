/// A lawyer's practising-certificate number (律师执业证号): 17 digits, the fifth to ninth of which are the
/// year of first licensing.
public struct PractisingCertificate: Sendable, Equatable {
    public let number: String

    /// Reads a number as typed (spaces allowed); refuses a wrong length, a non-digit, or a licensing year
    /// before 1979 (when the profession was restored) or after `today`.
    public init(_ raw: String, today: CalendarDate, field: String = "certificate") throws(FieldError) {
        let digits = raw.filter { !$0.isWhitespace }
        guard digits.count == 17, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw FieldError(field, "error.certificate_format")
        }
        let year = Int(digits.dropFirst(5).prefix(4))!
        guard (1979...today.year).contains(year) else { throw FieldError(field, "error.certificate_year") }
        number = digits
    }
}
