import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// The case lists, opening a case (from a hotline contact or directly), and editing its facts.
enum CasesController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(CasesRoute.cases, use: list)
        routes.get(CasesRoute.newCase, use: new)
        routes.post(CasesRoute.newCase, use: create)
        routes.get(CasesRoute.editCase(.parameter), use: edit)
        routes.post(CasesRoute.editCase(.parameter), use: update)
    }

    static func list(_ request: Request) async throws -> Response {
        let (actor, visible, lawyer) = try request.caseListing()
        let filter = try request.query.decode(CaseFilter.self)
        let page = try await CaseListQuery.load(filter, for: actor, visible: visible, lawyer: lawyer, today: request.today,
                                           cipher: request.application.fieldCipher, on: request.db)
        var assignees: [(value: String, label: String)] = []
        if !lawyer, let ngo = actor.ngoID {
            assignees = try await User.query(on: request.db).filter(\.$ngoID == ngo)
                .filter(\.$role ~~ [.officeSupervisor, .caseworker, .volunteerLawyer]).sort(\.$displayName).all()
                .filter { visible.officeID == nil || $0.officeID == visible.officeID || $0.role == .volunteerLawyer }
                .map { ($0.id!.uuidString, $0.displayName) }
        }
        let choices = CaseListView.Choices(assignees: assignees, mayOpen: (try? request.inOwnOffice(.workCases)) != nil,
                                           lawyer: lawyer, today: request.today)
        return request.page(request.t("cases.title"), CaseListView.render(page, filter: filter, choices: choices,
                                                                        request.pageContext))
    }

    static func new(_ request: Request) async throws -> Response {
        try request.inOwnOffice(.workCases)
        var draft = CaseDraft()
        var contact: Contact?
        if let id = request.query[UUID.self, at: "contact"] {
            contact = try await sourceContact(id, request: request)
            if let contact { draft = try await prefill(from: contact, cipher: request.application.fieldCipher, on: request.db) }
        }
        return try await form(request, draft: draft, contact: contact, errors: ValidationErrors(), status: .ok)
    }

    static func create(_ request: Request) async throws -> Response {
        try request.inOwnOffice(.workCases)
        let draft = try request.content.decode(CaseDraft.self)
        var contact: Contact?
        if let id = draft.contact.flatMap(UUID.init(uuidString:)) {
            contact = try await sourceContact(id, request: request)
        }
        do {
            let opened = try await Cases.open(try draft.openCase(today: request.today), in: try request.workContext())
            return request.redirect(to: CasesRoute.casePage(.of(opened.id!)).path)
        } catch let errors as ValidationErrors {
            return try await form(request, draft: draft, contact: contact, errors: errors, status: .unprocessableEntity)
        }
    }

    static func edit(_ request: Request) async throws -> Response {
        let access = try await request.workCase(manage: true)
        return request.page(request.t("case.edit"), CaseFormView.edit(CaseDraft(access.case, title: try access.case.openTitle(request.application.fieldCipher),
                                                                    summary: try access.case.openSummary(request.application.fieldCipher)), id: access.case.id!,
                                                                       errors: ValidationErrors(), request.pageContext))
    }

    static func update(_ request: Request) async throws -> Response {
        let access = try await request.workCase(manage: true)
        let draft = try request.content.decode(CaseDraft.self)
        do {
            let facts = try draft.validate(today: request.today)
            try await CaseJournal.change(access.case, by: request) { journal in
                try facts.apply(to: access.case, cipher: request.application.fieldCipher)
                try await CaseTitle.index(access.case, title: facts.title, request.application.fieldCipher, on: journal.db)
                try await journal.record(.note, request.t("case.facts_updated"), audit: .updateCase)
            }
        } catch let errors as ValidationErrors {
            return request.page(request.t("case.edit"), status: .unprocessableEntity,
                                CaseFormView.edit(draft, id: access.case.id!, errors: errors, request.pageContext))
        }
        return request.redirect(to: CasesRoute.casePage(.of(access.case.id!)).path)
    }

    /// A contact of the person's NGO they may read; anything else is simply not found.
    private static func sourceContact(_ id: UUID, request: Request) async throws -> Contact {
        guard let contact = try await Contact.query(on: request.db).filter(\.$id == id)
            .visible(try request.tenant()).first(), request.mayRead(contact)
        else { throw HuzhuAbort.notFound }
        return contact
    }

    /// A case from a contact starts with a short title (the summary's first phrase), the summary, its
    /// topics as dispute types, and the worker's employer (as they told it) as the respondent.
    private static func prefill(from contact: Contact, cipher: FieldCipher, on db: any Database) async throws -> CaseDraft {
        var draft = CaseDraft()
        let summary = try contact.openSummary(cipher)
        draft.contact = contact.id?.uuidString
        draft.title = CaseTitle.short(summary)
        if let id = contact.workerID, let employer = try await Worker.find(id, on: db)?.employer { draft.respondent_name = employer }
        draft.summary = summary
        let topicIDs = try await ContactTopic.query(on: db).filter(\.$contactID == contact.requireID()).all().map(\.topicID)
        let codes = try await Topic.query(on: db).filter(\.$id ~~ topicIDs).all().map(\.code)
        draft.dispute_types = codes.filter { DisputeType(rawValue: $0) != nil }
        return draft
    }

    private static func form(_ request: Request, draft: CaseDraft, contact: Contact?, errors: ValidationErrors,
                             status: HTTPResponseStatus) async throws -> Response {
        var workerName: String?
        if let id = contact?.workerID { workerName = try await Worker.find(id, on: request.db)?.openName(request.application.fieldCipher) }
        return request.page(request.t("cases.new"), status: status,
                            CaseFormView.new(draft, contact: contact, workerName: workerName, errors: errors, request.pageContext))
    }
}
