import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Plot
import Vapor

/// The NGO's side of feedback: recording it from a call, an SMS or a QQ transcript; one item's page
/// (the worker's words, an audited read); moving it along; the summary the enterprise may see (and,
/// for an urgent item, the escalation with its acknowledgement deadline); the worker's verdict.
enum FeedbackController {
    static let acknowledgeWithin: TimeInterval = 24 * 3600

    static func register(_ routes: any RoutesBuilder) {
        routes.get(EnterpriseRoute.newFeedback) { request in try await form(request, input: FeedbackInput(), errors: ValidationErrors()) }
        routes.post(EnterpriseRoute.newFeedback, use: create)
        routes.get(EnterpriseRoute.feedback(.parameter)) { request in try await show(request, errors: ValidationErrors()) }
        routes.post(EnterpriseRoute.feedbackStatus(.parameter)) { request in try await change(request) { try await move($0, $1, request) } }
        routes.post(EnterpriseRoute.feedbackSummary(.parameter)) { request in try await change(request) { try await summarise($0, $1, request) } }
        routes.post(EnterpriseRoute.feedbackVerdict(.parameter)) { request in try await change(request) { try await verdict($0, $1, request) } }
    }

    static func form(_ request: Request, input: FeedbackInput, errors: ValidationErrors,
                     status: HTTPResponseStatus = .ok) async throws -> Response {
        let partners = try await request.heldPartnerships()
        let chosen = request.query[UUID.self, at: "partner"] ?? (try? request.content.get(UUID.self, at: "partner"))
        let contact = request.query[UUID.self, at: "contact"] ?? (try? request.content.get(UUID.self, at: "contact"))
        let t = request.t
        let sites = partners.first { $0.id == chosen }?.sites ?? []
        return request.page(t("feedback.new"), status: status, .group(
            Forms.errorSummary(errors, t),
            Forms.post(EnterpriseRoute.newFeedback.path, request.pageContext,
                .unwrap(contact) { Forms.hidden("contact", $0.uuidString) },
                Forms.select("partner", options: partners.map { ($0.id!.uuidString, $0.name) }, selected: chosen?.uuidString,
                             errors: errors, t),
                Forms.select("channel", options: [Feedback.Channel.hotline, .sms, .qq, .staff].map { ($0.rawValue, t("feedback_channel.\($0.rawValue)")) },
                             selected: input.channel ?? (contact == nil ? Feedback.Channel.staff.rawValue : Feedback.Channel.hotline.rawValue),
                             errors: errors, t),
                FeedbackForm.fields(input, sites: sites, errors: errors, t),
                Forms.submit(t("feedback.record")))))
    }

    static func create(_ request: Request) async throws -> Response {
        try request.inOwnScope(.workFeedback)
        let input = try request.content.decode(FeedbackInput.self)
        let partnerID = try? request.content.get(UUID.self, at: "partner")
        do {
            guard let partnerID, let partnership = try? await request.partnership(partnerID) else {
                throw ValidationErrors([FieldError("partner", "error.choice_invalid")])
            }
            guard let channel = input.channel.flatMap(Feedback.Channel.init(rawValue:)), channel != .webForm else {
                throw ValidationErrors([FieldError("channel", "error.choice_invalid")])
            }
            var contactID: UUID?
            if let id = try? request.content.get(UUID.self, at: "contact"),
               let contact = try await Contact.query(on: request.db).filter(\.$id == id).visible(try request.tenant()).first(),
               request.mayRead(contact) {
                contactID = contact.id
            }
            let feedback = try await request.recordFeedback(input.command, for: partnership, channel: channel, contactID: contactID)
            return request.redirect(to: EnterpriseRoute.feedback(.of(feedback.id!)).path)
        } catch let errors as ValidationErrors {
            return try await form(request, input: input, errors: errors, status: .unprocessableEntity)
        }
    }

    static func find(_ request: Request) async throws -> (Feedback, Partnership) {
        guard let feedback = try await Feedback.query(on: request.db).filter(\.$id == (try request.routeID()))
            .visible(try request.tenant()).first() else { throw HuzhuAbort.notFound }
        return (feedback, try await request.partnership(feedback.partnershipID))
    }

    static func show(_ request: Request, errors: ValidationErrors, status: HTTPResponseStatus = .ok) async throws -> Response {
        let (feedback, partnership) = try await find(request)
        try await request.audit(.viewFeedback, recordType: "feedback", recordID: feedback.id, ngoID: feedback.ngoID)
        let notes = try await FeedbackNote.query(on: request.db).filter(\.$feedbackID == feedback.id!).sort(\.$createdAt).all()
        let cipher = request.application.fieldCipher
        let page = FeedbackPage(feedback: feedback, partnership: partnership, notes: notes,
                                description: try cipher.open(feedback.descriptionCipher),
                                name: try feedback.nameCipher.map { try cipher.open($0) },
                                callback: try feedback.callbackCipher.map { try cipher.open($0) },
                                now: request.application.clock.now())
        return request.page(request.t("feedback.item", partnership.name), status: status, page.render(errors: errors, request.pageContext))
    }

    /// Runs a change and its audit row in one transaction; a refused one shows the page again with its reasons.
    private static func change(_ request: Request,
                               _ body: @escaping @Sendable (Feedback, any Database) async throws -> Void) async throws -> Response {
        let (feedback, _) = try await find(request)
        do {
            try await request.db.write { db in
                try await body(feedback, db)
                try await request.audit(.updateFeedback, recordType: "feedback", recordID: feedback.id, ngoID: feedback.ngoID,
                                        detail: AuditDetail(feedback.status), on: db)
            }
        } catch let errors as ValidationErrors {
            return try await show(request, errors: errors, status: .unprocessableEntity)
        }
        return request.redirect(to: EnterpriseRoute.feedback(.of(feedback.id!)).path)
    }

    static func move(_ feedback: Feedback, _ db: any Database, _ request: Request) async throws {
        let target = (try request.content.get(String?.self, at: "status") ?? nil).flatMap(FeedbackStatus.init(rawValue:))
        let note = (try request.content.get(String?.self, at: "note") ?? nil)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard let target, feedback.status.moves.contains(target) else {
            throw ValidationErrors([FieldError("status", "error.status_move_not_allowed")])
        }
        if target == .forwarded { throw ValidationErrors([FieldError("status", "error.summary_first")]) }
        if target == .responded && feedback.response == nil { throw ValidationErrors([FieldError("status", "error.no_response_yet")]) }
        guard note.count <= 4000 else { throw ValidationErrors([FieldError("note", "error.text_too_long")]) }
        let now = request.application.clock.now()
        feedback.status = target
        if target == .closed { feedback.closedAt = now }
        try await feedback.save(on: db)
        if !note.isEmpty {
            let row = FeedbackNote()
            row.ngoID = feedback.ngoID
            row.feedbackID = feedback.id!
            row.text = note
            row.authorID = try request.requireActor().userID
            row.createdAt = now
            try await row.create(on: db)
        }
    }

    /// Approves the text the enterprise will see and forwards it; an urgent item is escalated at once,
    /// to be acknowledged within 24 hours.
    static func summarise(_ feedback: Feedback, _ db: any Database, _ request: Request) async throws {
        let summary = (try request.content.get(String?.self, at: "summary") ?? nil)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !summary.isEmpty else { throw ValidationErrors([FieldError("summary", "error.required")]) }
        guard summary.count <= 2000 else { throw ValidationErrors([FieldError("summary", "error.text_too_long")]) }
        guard feedback.status < .responded else { throw ValidationErrors([FieldError("summary", "error.status_move_not_allowed")]) }
        let escalate = (try request.content.get(String?.self, at: "escalate") ?? nil) == "on"
        if escalate && feedback.severity != .urgent { throw ValidationErrors([FieldError("escalate", "error.escalate_urgent_only")]) }
        let now = request.application.clock.now()
        feedback.summary = summary
        feedback.summaryApprovedBy = try request.requireActor().userID
        feedback.status = .forwarded
        feedback.forwardedAt = feedback.forwardedAt ?? now
        if escalate && feedback.escalatedAt == nil {
            feedback.escalatedAt = now
            feedback.ackDueAt = now.addingTimeInterval(acknowledgeWithin)
        }
        try await feedback.save(on: db)
    }

    static func verdict(_ feedback: Feedback, _ db: any Database, _ request: Request) async throws {
        guard let verdict = (try request.content.get(String?.self, at: "verdict") ?? nil).flatMap(FeedbackVerdict.init(rawValue:)) else {
            throw ValidationErrors([FieldError("verdict", "error.choice_invalid")])
        }
        guard feedback.status >= .responded else { throw ValidationErrors([FieldError("verdict", "error.no_response_yet")]) }
        feedback.verdict = verdict
        feedback.status = .verified
        try await feedback.save(on: db)
    }
}
