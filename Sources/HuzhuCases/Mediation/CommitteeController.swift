import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// An office's mediation committee: its name and authorisation, its mediators with their appointment
/// dates, and its register of sessions and agreements for a period.
enum CommitteeController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(CasesRoute.mediation) { request in try await show(request, errors: ValidationErrors()) }
        routes.post(CasesRoute.mediation, use: save)
    }

    struct Input: Content {
        var name: String?
        var authorised_by: String?
        var authorised_on: String?
        var appoint: String?
        var appointed_on: String?
        var end: String?
    }

    static func office(_ request: Request) throws -> (ngo: UUID, office: UUID) {
        let actor = try request.inOwnOffice(.manageMediation)
        return (actor.ngoID, actor.officeID)
    }

    static func save(_ request: Request) async throws -> Response {
        let (ngo, officeID) = try office(request)
        let input = try request.content.decode(Input.self)
        do {
            try await change(input, ngo: ngo, officeID: officeID, request: request)
        } catch let errors as ValidationErrors {
            return try await show(request, errors: errors, status: .unprocessableEntity)
        }
        return request.redirect(to: CasesRoute.mediation.path)
    }

    private static func change(_ input: Input, ngo: UUID, officeID: UUID, request: Request) async throws {
        try await request.db.write { db in
            var errors = ValidationErrors()
            if let raw = input.appoint {
                guard let userID = UUID(uuidString: raw),
                      let user = try await User.query(on: db).filter(\.$id == userID).filter(\.$officeID == officeID)
                          .filter(\.$active == true).first() else { throw ValidationErrors([FieldError("appoint", "error.choice_invalid")]) }
                let on = errors.check { () throws(FieldError) in
                    try CaseInput.requiredPastDate(input.appointed_on, field: "appointed_on", today: request.today)
                }
                try errors.throwIfAny()
                guard let on else { throw errors }
                let mediator = Mediator()
                mediator.ngoID = ngo
                mediator.officeID = officeID
                mediator.userID = try user.requireID()
                mediator.appointedOn = on
                try await mediator.create(on: db)
                try await request.audit(.updateCommittee, recordType: "mediator", recordID: mediator.id, ngoID: ngo,
                                        detail: .record("appointed", mediator.userID), on: db)
            } else if let raw = input.end {
                guard let id = UUID(uuidString: raw), let mediator = try await Mediator.query(on: db).filter(\.$id == id)
                    .filter(\.$officeID == officeID).filter(\.$endedOn == nil).first() else { throw HuzhuAbort.notFound }
                mediator.endedOn = request.today
                try await mediator.save(on: db)
                try await request.audit(.updateCommittee, recordType: "mediator", recordID: mediator.id, ngoID: ngo,
                                        detail: AuditDetail("appointment ended"), on: db)
            } else {
                let name = errors.check { () throws(FieldError) in try CaseInput.text(input.name, field: "name", max: 200) }
                let by = errors.check { () throws(FieldError) in try CaseInput.text(input.authorised_by, field: "authorised_by", max: 200) }
                let on = errors.check { () throws(FieldError) in try CaseInput.pastDate(input.authorised_on, field: "authorised_on", today: request.today) }
                try errors.throwIfAny()
                guard let name, let by else { throw errors }
                let committee = try await MediationCommittee.find(officeID, on: db) ?? MediationCommittee()
                committee.id = officeID
                committee.ngoID = ngo
                committee.name = name
                committee.authorisedBy = by
                committee.authorisedOn = on ?? nil
                try await committee.save(on: db)
                try await request.audit(.updateCommittee, recordType: "office", recordID: officeID, ngoID: ngo, on: db)
            }
        }
    }

    static func show(_ request: Request, errors: ValidationErrors, status: HTTPResponseStatus = .ok) async throws -> Response {
        let (_, officeID) = try office(request)
        let committee = try await MediationCommittee.find(officeID, on: request.db)
        let mediators = try await Mediator.query(on: request.db).filter(\.$officeID == officeID).sort(\.$appointedOn).all()
        let staff = try await User.query(on: request.db).filter(\.$officeID == officeID).filter(\.$active == true)
            .sort(\.$displayName).all()
        let names = Dictionary(uniqueKeysWithValues: staff.map { ($0.id!, $0.displayName) })
        let today = request.today
        let from = request.query[String.self, at: "from"].flatMap(CalendarDate.init(iso:)) ?? CalendarDate(year: today.year, month: 1, day: 1)!
        let to = request.query[String.self, at: "to"].flatMap(CalendarDate.init(iso:)) ?? today
        let register = try await MediationRegister.load(office: officeID, from: from, to: to, on: request.db)
        let t = request.t
        let page = request.pageContext
        let none = ValidationErrors()
        return request.page(committee?.name ?? t("mediation.committee"), status: status, .group(
            Forms.errorSummary(errors, t),
            .section(.class("card"), .h2(.text(t("mediation.committee"))),
                Forms.post(CasesRoute.mediation.path, page,
                    Forms.text("name", value: committee?.name, errors: none, t),
                    Forms.text("authorised_by", value: committee?.authorisedBy, errors: none, t, hint: t("mediation.authorised_by_hint")),
                    Forms.text("authorised_on", value: committee?.authorisedOn?.description, errors: none, t, type: .date, required: false),
                    Forms.submit(t("form.save")))),
            .section(.class("card"), .h2(.text(t("mediation.mediators"))),
                .ul(.forEach(mediators) { mediator in
                    .li(.text("\(names[mediator.userID] ?? "—") · \(t("mediation.appointed", mediator.appointedOn.description))"
                              + (mediator.endedOn.map { " – \($0)" } ?? "")),
                        .if(mediator.endedOn == nil, Forms.post(CasesRoute.mediation.path, page, Forms.hidden("end", mediator.id!.uuidString),
                                                                .button(.type(.submit), .class("link"), .text(t("mediation.end_appointment"))))))
                }),
                Forms.post(CasesRoute.mediation.path, page,
                    Forms.select("appoint", options: staff.map { ($0.id!.uuidString, "\($0.displayName) · \(t.role($0.role))") },
                                 selected: nil, errors: none, t),
                    Forms.text("appointed_on", value: today.description, errors: none, t, type: .date),
                    Forms.submit(t("mediation.appoint")))),
            MediationRegister.render(register, from: from, to: to, t)))
    }
}
