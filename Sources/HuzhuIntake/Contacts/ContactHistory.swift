import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform

/// A contact as lists and the screen-pop show it: what happened, when, where, by whom, about what.
struct ContactLine {
    let id: UUID
    let number: String
    let startedAt: Date
    let channel: Contact.Channel
    let officeName: String
    let operatorName: String
    let topics: [String]
    let outcome: Contact.Outcome
    let workerID: UUID?
    /// The summary, only for those who may read the contact in full.
    let summary: String?
}

enum ContactHistory {
    /// The latest contacts with these workers or this callback number, newest first. Summaries are
    /// included only where `mayReadFully` says so.
    static func recent(workerIDs: [UUID], callbackHashes: [String], ngoID: UUID, limit: Int = 20, language: Language,
                       cipher: FieldCipher, mayReadFully: (Contact) -> Bool, on db: any Database) async throws -> [ContactLine] {
        guard !workerIDs.isEmpty || !callbackHashes.isEmpty else { return [] }
        // Two indexed queries, not one with an OR: SQLite cannot use both indexes for an OR under the
        // NGO filter, and scanned every contact of the NGO (measured: 140 ms at 200,000 contacts).
        var contacts: [Contact] = []
        if !workerIDs.isEmpty {
            contacts += try await Contact.query(on: db).filter(\.$ngoID == ngoID).filter(\.$workerID ~~ workerIDs)
                .sort(\.$startedAt, .descending).limit(limit).all()
        }
        if !callbackHashes.isEmpty {
            contacts += try await Contact.query(on: db).filter(\.$ngoID == ngoID).filter(\.$callbackHash ~~ callbackHashes)
                .sort(\.$startedAt, .descending).limit(limit).all()
        }
        var seen = Set<UUID>()
        contacts = Array(contacts.filter { seen.insert($0.id!).inserted }.sorted { $0.startedAt > $1.startedAt }.prefix(limit))
        return try await lines(contacts, language: language, cipher: cipher, mayReadFully: mayReadFully, on: db)
    }

    /// Names, offices and topics for a page of contacts, in four queries whatever the page's length.
    static func lines(_ contacts: [Contact], language: Language, cipher: FieldCipher, mayReadFully: (Contact) -> Bool,
                      on db: any Database) async throws -> [ContactLine] {
        guard !contacts.isEmpty else { return [] }
        let ids = contacts.compactMap(\.id)
        let offices = try await Office.query(on: db).filter(\.$id ~~ Set(contacts.map(\.officeID))).all()
            .reduce(into: [UUID: String]()) { $0[$1.id!] = $1.name }
        let operators = try await User.query(on: db).filter(\.$id ~~ Set(contacts.map(\.operatorID))).all()
            .reduce(into: [UUID: String]()) { $0[$1.id!] = $1.displayName }
        let links = try await ContactTopic.query(on: db).filter(\.$contactID ~~ ids).all()
        let topics = try await Topic.query(on: db).filter(\.$id ~~ Set(links.map(\.topicID))).all()
            .reduce(into: [UUID: Topic]()) { $0[$1.id!] = $1 }
        var topicsByContact: [UUID: [Topic]] = [:]
        for link in links { if let topic = topics[link.topicID] { topicsByContact[link.contactID, default: []].append(topic) } }
        return try contacts.map { contact in
            ContactLine(
                id: contact.id!, number: contact.number, startedAt: contact.startedAt, channel: contact.channel,
                officeName: offices[contact.officeID] ?? "", operatorName: operators[contact.operatorID] ?? "",
                topics: (topicsByContact[contact.id!] ?? []).sorted { $0.position < $1.position }.map { $0.name(in: language) },
                outcome: contact.outcome, workerID: contact.workerID,
                summary: mayReadFully(contact) ? try contact.openSummary(cipher) : nil)
        }
    }
}
