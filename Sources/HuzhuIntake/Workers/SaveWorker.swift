import Foundation
import HuzhuCore
import HuzhuPlatform

/// A worker to record or change, as every edge receives it — the worker form, the intake page's "new
/// worker" section, the CSV import, the workers and contacts APIs — in real types. `check` applies the
/// rules once; `WorkerStore.save` writes what it gives.
struct SaveWorker: Sendable {
    var fullName: String?
    /// The numbers as given, one each.
    var phones: [String] = []
    var idNumber: String?
    var gender: Gender?
    var birthYear: Int?
    var homeProvince: String?
    var currentCity: String?
    var industry: String?
    var employer: String?
    var languages: String?
    var notes: String?
    var consentNetwork = false
    var consentSMS = false
    var consentStory = false
    /// For a new worker: the person saving confirmed this is not a worker the NGO already knows by the
    /// same phone, or name and birth year (`KnownWorker`).
    var differentPerson = false
    /// What the edge could not read as its type (a birth year that is not a number), reported with the rest.
    var unread = ValidationErrors()

    /// Reads a gender as given (blank is unknown; one not on the list is reported when checked).
    mutating func read(gender raw: String?) {
        guard let raw, !raw.isEmpty else { return }
        gender = Gender(rawValue: raw)
        if gender == nil { unread.add("gender", "error.choice_invalid") }
    }

    /// The worker checked: every problem collected, or values ready to store.
    func check(today: CalendarDate) throws(ValidationErrors) -> WorkerValues {
        var errors = unread
        let name = errors.check { () throws(FieldError) in try OrgNames.displayName(fullName ?? "", field: "full_name") }
        var numbers: [PhoneNumber] = []
        for piece in phones {
            if let phone = errors.check({ () throws(FieldError) in try PhoneNumber(piece, field: "phones") }), !numbers.contains(phone) {
                numbers.append(phone)
            }
        }
        let resident = Self.blank(idNumber) ? nil : errors.check { () throws(FieldError) in try ResidentID(idNumber!, today: today) }
        var year = birthYear
        if let year, !(1900...today.year).contains(year) { errors.add("birth_year", "error.birth_year") }
        if let resident, year == nil { year = resident.birthDate.year }
        var optional: [String: String?] = [:]
        for (field, value) in [("home_province", homeProvince), ("current_city", currentCity), ("industry", industry),
                               ("employer", employer), ("languages", languages)] {
            optional[field] = Self.blank(value) ? nil : errors.check { () throws(FieldError) in try OrgNames.displayName(value!, field: field) }
        }
        let notes = notes?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let notes, notes.count > 4000 { errors.add("notes", "error.text_too_long") }
        try errors.throwIfAny()
        return WorkerValues(
            name: name!, phones: numbers, idNumber: resident, gender: gender ?? .unknown, birthYear: year,
            homeProvince: optional["home_province"] ?? nil, currentCity: optional["current_city"] ?? nil,
            industry: optional["industry"] ?? nil, employer: optional["employer"] ?? nil,
            languages: optional["languages"] ?? nil, notes: notes?.isEmpty == false ? notes : nil,
            consentNetwork: consentNetwork, consentSMS: consentSMS, consentStory: consentStory)
    }

    static func blank(_ value: String?) -> Bool {
        value?.trimmingCharacters(in: .whitespaces).isEmpty ?? true
    }
}
