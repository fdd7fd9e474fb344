import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Vapor

/// `/api/v1/contacts`: the same rules as the pages, in JSON.
enum ContactsAPI {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(IntakeRoute.apiContacts, use: list)
        routes.post(IntakeRoute.apiContacts, use: create)
        routes.get(IntakeRoute.apiContact(.parameter), use: show)
    }

    static func list(_ request: Request) async throws -> APIPage<ContactLineJSON> {
        let (page, _, _) = try await ContactList.visible(to: request, try request.query.decode(ContactFilter.self))
        return APIPage(items: page.lines.map(ContactLineJSON.init), next: page.next)
    }

    static func show(_ request: Request) async throws -> ContactJSON {
        try await json(try await request.readContact(), cipher: request.application.fieldCipher, on: request.db)
    }

    static func create(_ request: Request) async throws -> Response {
        try request.inOwnOffice(.recordContacts)
        let input = try request.content.decode(ContactInput.self)
        let topics = try await Topic.query(on: request.db).filter(\.$active == true).all()
        let command = input.command(topics: topics.reduce(into: [String: UUID]()) { $0[$1.code] = $1.id })
        return try await DuplicateAnswer.stoppingAtKnownWorkers(request) {
            let recorded = try await Intake.record(command, in: try request.workContext())
            let response = Response(status: .created)
            response.headers.replaceOrAdd(name: .location, value: IntakeRoute.apiContact(.of(recorded.contact.id!)).path)
            // The topics just recorded, in the catalogue's order, as reading the contact back would give them.
            let recordedTopics = topics.filter { command.topicIDs.contains($0.id!) }.sorted { $0.position < $1.position }.map(\.code)
            try response.content.encode(ContactJSON(recorded.contact, topics: recordedTopics, cipher: request.application.fieldCipher))
            return response
        }
    }

    private static func json(_ contact: Contact, cipher: FieldCipher, on db: any Database) async throws -> ContactJSON {
        let topicIDs = try await ContactTopic.query(on: db).filter(\.$contactID == contact.id!).all().map(\.topicID)
        let codes = try await Topic.query(on: db).filter(\.$id ~~ topicIDs).sort(\.$position).all().map(\.code)
        return try ContactJSON(contact, topics: codes, cipher: cipher)
    }
}
