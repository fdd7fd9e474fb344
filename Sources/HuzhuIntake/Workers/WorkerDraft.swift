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

    /// The worker as typed on the form, in its types: text that is not a number or not on a list is
    /// reported with the rest when the command is checked.
    var command: SaveWorker {
        var command = SaveWorker()
        command.fullName = full_name
        command.phones = Self.split(phones ?? "")
        command.idNumber = id_number
        command.read(gender: gender)
        if !SaveWorker.blank(birth_year) {
            command.birthYear = Int(birth_year!.trimmingCharacters(in: .whitespaces))
            if command.birthYear == nil { command.unread.add("birth_year", "error.birth_year") }
        }
        command.homeProvince = home_province
        command.currentCity = current_city
        command.industry = industry
        command.employer = employer
        command.languages = languages
        command.notes = notes
        command.consentNetwork = consent_network == "on"
        command.consentSMS = consent_sms == "on"
        command.consentStory = consent_story == "on"
        return command
    }

    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { ",;，；、/\n\r".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

}

/// A worker's details after validation (`SaveWorker.check`).
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
