import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// The operator's intake page: look the number up first, then record the contact in one form.
enum IntakeController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(IntakeRoute.intake, use: show)
        routes.post(IntakeRoute.intake, use: save)
    }

    static func show(_ request: Request) async throws -> Response {
        let actor = try request.inOwnOffice(.recordContacts)
        var contact = ContactDraft()
        contact.phone = request.query[String.self, at: "phone"]
        contact.call_id = request.query[String.self, at: "call"]
        // Coming from the callback queue: the number is taken from the callback, never from the URL.
        if let id = request.query[UUID.self, at: "callback"],
           let callback = try await Callback.query(on: request.db).filter(\.$id == id)
               .filter(\.$officeID == actor.officeID).first() {
            contact.phone = try request.application.fieldCipher.open(callback.phoneCipher)
            contact.direction = Contact.Direction.outbound.rawValue
        }
        // Coming from a screen-pop: the caller's number is taken from the call.
        if let callID = contact.call_id,
           let call = try await Call.query(on: request.db).filter(\.$callID == callID)
               .filter(\.$officeID == actor.officeID).first() {
            contact.phone = try request.application.fieldCipher.open(call.callerCipher)
        }
        var saved: Contact?
        if let id = request.query[UUID.self, at: "saved"] {
            saved = try await Contact.find(id, on: request.db).flatMap { request.mayRead($0) ? $0 : nil }
        }
        return try await render(request, contact: contact, worker: WorkerDraft(), errors: ValidationErrors(),
                                saved: saved, status: .ok)
    }

    static func save(_ request: Request) async throws -> Response {
        try request.inOwnOffice(.recordContacts)
        let contactDraft = try request.content.decode(ContactDraft.self)
        let workerDraft = try request.content.decode(WorkerDraft.self)
        let recorded: ContactStore.Recorded
        do {
            recorded = try await Intake.record(contactDraft.command(worker: workerDraft), in: try request.workContext())
        } catch let errors as ValidationErrors {
            return try await render(request, contact: contactDraft, worker: workerDraft, errors: errors, saved: nil,
                                    status: .unprocessableEntity)
        } catch let duplicate as PossibleDuplicate {
            var draft = contactDraft
            draft.use_worker = nil
            return try await render(request, contact: draft, worker: workerDraft,
                                    errors: ValidationErrors([FieldError("use_worker", "error.possible_duplicate")]),
                                    matches: duplicate.matches, saved: nil, status: .conflict)
        }
        return request.redirect(to: IntakeRoute.intake.path + "?saved=\(recorded.contact.id!.uuidString.lowercased())")
    }

    private static func render(_ request: Request, contact: ContactDraft, worker: WorkerDraft, errors: ValidationErrors,
                               matches: [PhoneLookup.WorkerCard] = [], saved: Contact?,
                               status: HTTPResponseStatus) async throws -> Response {
        let actor = try request.inOwnOffice(.recordContacts)
        let t = request.t
        var lookup: PhoneLookup?
        var phoneError: String?
        if let typed = contact.phone, !typed.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                let phone = try PhoneNumber(typed)
                let found = try await PhoneLookup.find(phone, ngoID: actor.ngoID, language: t.language,
                                                       cipher: request.application.fieldCipher,
                                                       mayReadFully: request.mayRead, on: request.db)
                lookup = found
                for worker in found.workers where status == .ok {
                    try await request.audit(.viewWorker, recordType: "worker", recordID: worker.id, ngoID: actor.ngoID,
                                            detail: AuditDetail("phone lookup"))
                }
            } catch let error as FieldError {
                phoneError = error.messageKey
            }
        }
        var lines: [UUID: [String]] = [:]
        if let lookup, !lookup.workers.isEmpty {
            for source in request.application.workerLookupLines {
                let found = try await source(lookup.workers.map(\.id), actor.ngoID, t, request.application.fieldCipher, request.db)
                lines.merge(found) { $0 + $1 }
            }
        }
        let topics = try await Topic.query(on: request.db).filter(\.$active == true).sort(\.$position).all()
        let workerLink = request.may(.readWorkers, in: .ngo(actor.ngoID))
        let content: Node<HTML.BodyContext> = .group(
            .unwrap(saved) { contact in
                .div(.class("notice done"), .attribute(named: "role", value: "status"),
                     .text(t("hotline.saved", contact.number) + " "),
                     .a(.href(IntakeRoute.contact(.of(contact.id!)).path), .text(t("hotline.open_saved"))))
            },
            .div(.class("intake"),
                 .div(.class("intake-lookup"),
                      LookupView.form(phone: lookup?.phone.digits ?? contact.phone, error: phoneError,
                                      callID: contact.call_id, t),
                      .unwrap(lookup) { LookupView.results($0, lines: lines, workerLink: workerLink, t) }),
                 .div(.class("intake-form"),
                      IntakeFormView(contact: contact, worker: worker, errors: errors, topics: topics, lookup: lookup, matches: matches)
                          .render(request.pageContext))))
        return request.page(t("hotline.title"), status: status, content)
    }
}
