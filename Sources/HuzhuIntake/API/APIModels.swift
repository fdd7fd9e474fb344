import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// A page of a list: the items and the cursor of the next page (`after=`), absent on the last.
struct APIPage<Item: Content>: Content {
    let items: [Item]
    let next: String?
}

struct ContactJSON: Content {
    let id: UUID
    let number: String
    let office_id: UUID
    let channel: Contact.Channel
    let direction: Contact.Direction
    let operator_id: UUID
    let started_at: Date
    let duration_seconds: Int?
    let worker_id: UUID?
    let topics: [String]
    let summary: String
    let advice: String
    let outcome: Contact.Outcome
    let follow_up_on: CalendarDate?
    let call_id: String?

    init(_ contact: Contact, topics: [String], cipher: FieldCipher) throws {
        id = contact.id!
        number = contact.number
        office_id = contact.officeID
        channel = contact.channel
        direction = contact.direction
        operator_id = contact.operatorID
        started_at = contact.startedAt
        duration_seconds = contact.durationSeconds
        worker_id = contact.workerID
        self.topics = topics
        summary = try contact.openSummary(cipher)
        advice = try contact.openAdvice(cipher)
        outcome = contact.outcome
        follow_up_on = contact.followUpOn
        call_id = contact.callID
    }
}

/// A contact in a list: what the list shows, without the summary of contacts the caller may not read.
struct ContactLineJSON: Content {
    let id: UUID
    let number: String
    let started_at: Date
    let channel: Contact.Channel
    let office: String
    let topics: [String]
    let outcome: Contact.Outcome
    let worker_id: UUID?
    let summary: String?

    init(_ line: ContactLine) {
        id = line.id
        number = line.number
        started_at = line.startedAt
        channel = line.channel
        office = line.officeName
        topics = line.topics
        outcome = line.outcome
        worker_id = line.workerID
        summary = line.summary
    }
}

struct WorkerJSON: Content {
    struct Consents: Content {
        let network: CalendarDate?
        let sms: CalendarDate?
        let story: CalendarDate?
    }

    let id: UUID
    let name: String
    /// Masked (`138****8000`) unless the record was asked for with `reveal=true` by someone allowed to.
    let phones: [String]
    let id_number: String?
    let gender: Gender
    let birth_year: Int?
    let home_province: String?
    let current_city: String?
    let industry: String?
    let employer: String?
    let languages: String?
    let notes: String?
    let consents: Consents
    let office_id: UUID
    let created_at: Date

    init(_ worker: Worker, name: String, notes: String?, phones: [String], idNumber: String?) {
        id = worker.id!
        self.name = name
        self.phones = phones
        id_number = idNumber
        gender = worker.gender
        birth_year = worker.birthYear
        home_province = worker.homeProvince
        current_city = worker.currentCity
        industry = worker.industry
        employer = worker.employer
        languages = worker.languages
        self.notes = notes
        consents = Consents(network: worker.consentNetworkOn, sms: worker.consentSMSOn, story: worker.consentStoryOn)
        office_id = worker.officeID
        created_at = worker.createdAt
    }
}

/// A worker to create, as the API takes it: phone numbers as a list.
struct WorkerInput: Content {
    var full_name: String?
    var phones: [String]?
    var id_number: String?
    var gender: String?
    var birth_year: Int?
    var home_province: String?
    var current_city: String?
    var industry: String?
    var employer: String?
    var languages: String?
    var notes: String?
    var consent_network: Bool?
    var consent_sms: Bool?
    var consent_story: Bool?
    /// True once the client, told of a possible duplicate (409), confirms this is a different person.
    var different_person: Bool?

    /// The worker as sent, in its types; a gender not on the list is reported when checked.
    var command: SaveWorker {
        var command = SaveWorker()
        command.fullName = full_name
        command.phones = phones ?? []
        command.idNumber = id_number
        command.read(gender: gender)
        command.birthYear = birth_year
        command.homeProvince = home_province
        command.currentCity = current_city
        command.industry = industry
        command.employer = employer
        command.languages = languages
        command.notes = notes
        command.consentNetwork = consent_network == true
        command.consentSMS = consent_sms == true
        command.consentStory = consent_story == true
        command.differentPerson = different_person == true
        return command
    }
}
