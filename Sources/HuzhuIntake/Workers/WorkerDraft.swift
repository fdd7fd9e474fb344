import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// The worker form as typed (also the fields of the intake page's "new worker" section).
struct WorkerDraft: Content {
    var full_name: String?
    /// One or more numbers, separated by commas, semicolons or new lines.
    var phones: String?
    var id_number: String?
    var gender: String?
    var birth_year: String?
    var home_province: String?
    var current_city: String?
    var industry: String?
    var employer: String?
    var languages: String?
    var notes: String?
    var consent_network: String?
    var consent_sms: String?
    var consent_story: String?

    init() {}

    /// A stored worker as the edit form shows it, numbers in full.
    init(_ worker: Worker, name: String, notes: String?, phones: [PhoneNumber], idNumber: String?) {
        full_name = name
        self.phones = phones.map(\.digits).joined(separator: ", ")
        id_number = idNumber
        gender = worker.gender.rawValue
        birth_year = worker.birthYear.map(String.init)
        home_province = worker.homeProvince
        current_city = worker.currentCity
        industry = worker.industry
        employer = worker.employer
        languages = worker.languages
        self.notes = notes
        consent_network = worker.consentNetworkOn == nil ? nil : "on"
        consent_sms = worker.consentSMSOn == nil ? nil : "on"
        consent_story = worker.consentStoryOn == nil ? nil : "on"
    }

    /// The draft checked: every problem collected, or values ready to store.
    func validate(today: CalendarDate) throws(ValidationErrors) -> WorkerValues {
        var errors = ValidationErrors()
        let name = errors.check { () throws(FieldError) in try OrgNames.displayName(self.full_name ?? "", field: "full_name") }
        var phones: [PhoneNumber] = []
        for piece in Self.split(self.phones ?? "") {
            if let phone = errors.check({ () throws(FieldError) in try PhoneNumber(piece, field: "phones") }),
               !phones.contains(phone) {
                phones.append(phone)
            }
        }
        let idNumber = Self.blank(id_number) ? nil
            : errors.check { () throws(FieldError) in try ResidentID(self.id_number!, today: today) }
        let gender = gender.flatMap { $0.isEmpty ? nil : Gender(rawValue: $0) } ?? .unknown
        if let raw = self.gender, !raw.isEmpty, Gender(rawValue: raw) == nil { errors.add("gender", "error.choice_invalid") }
        var birthYear: Int?
        if !Self.blank(birth_year) {
            birthYear = Int(birth_year!.trimmingCharacters(in: .whitespaces))
            if birthYear == nil || !(1900...today.year).contains(birthYear!) { errors.add("birth_year", "error.birth_year") }
        }
        if let id = idNumber, birthYear == nil { birthYear = id.birthDate.year }
        var optional: [String: String?] = [:]
        for (field, value) in [("home_province", home_province), ("current_city", current_city), ("industry", industry),
                               ("employer", employer), ("languages", languages)] {
            optional[field] = Self.blank(value) ? nil
                : errors.check { () throws(FieldError) in try OrgNames.displayName(value!, field: field) }
        }
        let notes = notes?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let notes, notes.count > 4000 { errors.add("notes", "error.text_too_long") }
        try errors.throwIfAny()
        return WorkerValues(
            name: name!, phones: phones, idNumber: idNumber, gender: gender, birthYear: birthYear,
            homeProvince: optional["home_province"] ?? nil, currentCity: optional["current_city"] ?? nil,
            industry: optional["industry"] ?? nil, employer: optional["employer"] ?? nil,
            languages: optional["languages"] ?? nil, notes: notes?.isEmpty == false ? notes : nil,
            consentNetwork: consent_network == "on", consentSMS: consent_sms == "on", consentStory: consent_story == "on")
    }

    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { ",;，；、/\n\r".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func blank(_ value: String?) -> Bool {
        value?.trimmingCharacters(in: .whitespaces).isEmpty ?? true
    }
}

/// A worker's details after validation.
struct WorkerValues {
    var name: String
    var phones: [PhoneNumber]
    var idNumber: ResidentID?
    var gender: Gender
    var birthYear: Int?
    var homeProvince: String?
    var currentCity: String?
    var industry: String?
    var employer: String?
    var languages: String?
    var notes: String?
    var consentNetwork: Bool
    var consentSMS: Bool
    var consentStory: Bool
}
