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
        let actor = try request.inOwnOffice(.recordContacts)
        let input = try request.content.decode(ContactInput.self)
        let topics = try await Topic.query(on: request.db).filter(\.$active == true).all()
        let codes = topics.reduce(into: [String: UUID]()) { $0[$1.code] = $1.id }
        var draft = ContactDraft()
        draft.channel = input.channel
        draft.direction = input.direction ?? Contact.Direction.inbound.rawValue
        draft.started_at = input.started_at.map(ShanghaiTime.localMinute)
        draft.duration_seconds = input.duration_seconds
        draft.topics = (input.topics ?? []).map { codes[$0]?.uuidString ?? $0 }
        draft.summary = input.summary
        draft.advice = input.advice
        draft.outcome = input.outcome
        draft.follow_up_on = input.follow_up_on
        draft.call_id = input.call_id
        draft.subject = input.worker_id?.uuidString ?? (input.worker != nil ? "new" : "anonymous")
        draft.phone = input.worker == nil ? input.callback_phone : nil
        if input.worker == nil, let raw = input.callback_phone, (try? PhoneNumber(raw)) == nil {
            throw ValidationErrors([FieldError("callback_phone", "error.phone_invalid")])
        }
        let now = request.application.clock.now()
        let values = try draft.validate(worker: input.worker?.draft ?? WorkerDraft(), activeTopics: Set(codes.values), now: now)
        guard let office = try await Office.find(actor.officeID, on: request.db) else { throw HuzhuAbort(.forbidden, "error.forbidden") }
        let recorded = try await ContactStore.record(values, by: actor, office: office, now: now, request: request)
        let response = Response(status: .created)
        response.headers.replaceOrAdd(name: .location, value: IntakeRoute.apiContact(.of(recorded.contact.id!)).path)
        // The topics just recorded, in the catalogue's order, as reading the contact back would give them.
        let recordedTopics = topics.filter { values.topicIDs.contains($0.id!) }.sorted { $0.position < $1.position }.map(\.code)
        try response.content.encode(ContactJSON(recorded.contact, topics: recordedTopics, cipher: request.application.fieldCipher))
        return response
    }

    private static func json(_ contact: Contact, cipher: FieldCipher, on db: any Database) async throws -> ContactJSON {
        let topicIDs = try await ContactTopic.query(on: db).filter(\.$contactID == contact.id!).all().map(\.topicID)
        let codes = try await Topic.query(on: db).filter(\.$id ~~ topicIDs).sort(\.$position).all().map(\.code)
        return try ContactJSON(contact, topics: codes, cipher: cipher)
    }
}
