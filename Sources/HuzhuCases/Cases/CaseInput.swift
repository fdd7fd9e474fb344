import Foundation
import HuzhuCore

/// The small checks the case forms share.
enum CaseInput {
    /// A required one-line text, trimmed, of at most `max` characters.
    static func text(_ raw: String?, field: String, max: Int) throws(FieldError) -> String {
        let text = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw FieldError(field, "error.required") }
        guard text.count <= max else { throw FieldError(field, "error.text_too_long") }
        return text
    }

    /// An optional date (`2026-03-01`); blank is nil.
    static func date(_ raw: String?, field: String) throws(FieldError) -> CalendarDate? {
        let text = (raw ?? "").trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        guard let date = CalendarDate(iso: text) else { throw FieldError(field, "error.date_format") }
        return date
    }

    /// An optional date that cannot be after today (something that already happened).
    static func pastDate(_ raw: String?, field: String, today: CalendarDate) throws(FieldError) -> CalendarDate? {
        let date = try date(raw, field: field)
        if let date, date > today { throw FieldError(field, "error.date_in_future") }
        return date
    }

    /// A required date that already happened.
    static func requiredPastDate(_ raw: String?, field: String, today: CalendarDate) throws(FieldError) -> CalendarDate {
        guard let date = try pastDate(raw, field: field, today: today) else { throw FieldError(field, "error.required") }
        return date
    }
}

/// One line of a roster typed into a collective case: a name and, usually, a phone number
/// (`张三 13800138000`, `张三，138-0013-8000`).
struct RosterLine: Equatable {
    let name: String
    let phone: PhoneNumber?

    static let maxLines = 500

    static func parse(_ text: String, field: String) throws(FieldError) -> [RosterLine] {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard lines.count <= maxLines else { throw FieldError(field, "error.roster_too_long") }
        var result: [RosterLine] = []
        for line in lines {
            let pieces = line.split(whereSeparator: { " \t,，;；、".contains($0) }).map(String.init)
            let phoneStart = pieces.firstIndex { $0.first?.isNumber == true || $0.first == "+" }
            let name = pieces[..<(phoneStart ?? pieces.count)].joined(separator: " ")
            guard let checked = try? OrgNames.displayName(name, field: field) else {
                throw FieldError(field, "error.roster_line")
            }
            var phone: PhoneNumber?
            if let phoneStart {
                guard let parsed = try? PhoneNumber(pieces[phoneStart...].joined(), field: field) else {
                    throw FieldError(field, "error.roster_phone")
                }
                phone = parsed
            }
            result.append(RosterLine(name: checked, phone: phone))
        }
        return result
    }
}
