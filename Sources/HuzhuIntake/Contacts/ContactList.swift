import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Vapor

/// The contacts a person may read, filtered, newest first, a page at a time by keyset.
struct ContactFilter: Content {
    var office: String?
    var channel: String?
    var outcome: String?
    var topic: String?
    var from: String?
    var to: String?
    var `operator`: String?
    /// A contact number, or a phone number whose contacts to show.
    var q: String?
    /// Keyset cursor: the id of the last contact of the previous page.
    var after: String?

    static let pageSize = 50
}

enum ContactList {
    struct Page {
        let lines: [ContactLine]
        let next: String?
    }

    /// The contacts the signed-in person may list: their own for hotline volunteers, their office's for
    /// office staff, their NGO's for NGO-wide roles, everything for the network admin.
    static func visible(to request: Request, _ filter: ContactFilter)
        async throws -> (page: Page, ownOnly: Bool, visible: Visibility) {
        let actor = try request.requireActor()
        var visible = try request.visibility(.readContacts)
        var ownOnly: UUID?
        if visible == .nothing {
            visible = try request.visibility(.readOwnContacts)
            ownOnly = actor.userID
        }
        guard visible != .nothing else { throw HuzhuAbort(.forbidden, "error.forbidden") }
        let page = try await load(filter, visible: visible, ownOnly: ownOnly, language: request.language,
                                  cipher: request.application.fieldCipher, mayReadFully: request.mayRead, on: request.db)
        return (page, ownOnly != nil, visible)
    }

    /// `ownOnly` restricts to the person's own contacts (hotline volunteers); otherwise the contacts the
    /// person may see (`visible`: their office's, their NGO's, or the network's).
    static func load(_ filter: ContactFilter, visible: Visibility, ownOnly: UUID?, language: Language,
                     cipher: FieldCipher, mayReadFully: (Contact) -> Bool, on db: any Database) async throws -> Page {
        let query = Contact.query(on: db).visible(visible)
        if visible.officeID == nil, let office = filter.office.flatMap(UUID.init(uuidString:)) { query.filter(\.$officeID == office) }
        if let ownOnly { query.filter(\.$operatorID == ownOnly) }
        else if let person = filter.operator.flatMap(UUID.init(uuidString:)) { query.filter(\.$operatorID == person) }
        if let channel = filter.channel.flatMap(Contact.Channel.init(rawValue:)) { query.filter(\.$channel == channel) }
        if let outcome = filter.outcome.flatMap(Contact.Outcome.init(rawValue:)) { query.filter(\.$outcome == outcome) }
        if let from = filter.from.flatMap(CalendarDate.init(iso:)).flatMap({ ShanghaiTime.instant(localMinute: "\($0)T00:00") }) {
            query.filter(\.$startedAt >= from)
        }
        if let to = filter.to.flatMap(CalendarDate.init(iso:)).flatMap({ ShanghaiTime.instant(localMinute: "\($0)T00:00") }) {
            query.filter(\.$startedAt < to.addingTimeInterval(24 * 3600))
        }
        if let topic = filter.topic.flatMap(UUID.init(uuidString:)) {
            query.join(ContactTopic.self, on: \Contact.$id == \ContactTopic.$contactID)
                .filter(ContactTopic.self, \.$topicID == topic)
        }
        if let text = filter.q?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if let phone = try? PhoneNumber(text) {
                let hashes = cipher.lookupHashes(phone.digits)
                let phones = WorkerPhone.query(on: db).filter(\.$lookupHash ~~ hashes)
                if let ngoID = visible.ngoID { phones.filter(\.$ngoID == ngoID) }
                let workers = try await phones.all().map(\.workerID)
                query.group(.or) { either in
                    either.filter(\.$callbackHash ~~ hashes)
                    if !workers.isEmpty { either.filter(\.$workerID ~~ workers) }
                }
            } else {
                query.filter(\.$number == text.uppercased())
            }
        }
        let (page, next) = try await query.newestFirst(\.$startedAt, after: filter.after, pageSize: ContactFilter.pageSize)
        let lines = try await ContactHistory.lines(page, language: language, cipher: cipher, mayReadFully: mayReadFully, on: db)
        return Page(lines: lines, next: next)
    }
}
