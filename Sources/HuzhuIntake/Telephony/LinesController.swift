import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// An NGO's hotline numbers, each wired to its office and given the secret its PBX signs events with
/// (shown once, stored encrypted).
enum LinesController {
    struct Draft: Content {
        var office: String?
        var number: String?
        var name: String?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(IntakeRoute.lines) { request async throws -> Response in
            try await page(request, Draft(), ValidationErrors(), secret: nil, status: .ok)
        }
        routes.post(IntakeRoute.lines, use: create)
    }

    static func create(_ request: Request) async throws -> Response {
        let actor = try authorize(request)
        let draft = try request.content.decode(Draft.self)
        var errors = ValidationErrors()
        let office = try await offices(for: actor, on: request.db).first { $0.id?.uuidString == draft.office }
        if office == nil { errors.add("office", "error.choice_invalid") }
        let number = errors.check { () throws(FieldError) in try PhoneNumber(draft.number ?? "", field: "number") }
        if let number, try await TelephonyLine.query(on: request.db).filter(\.$number == number.digits).count() > 0 {
            errors.add("number", "error.line_taken")
        }
        let name = errors.check { () throws(FieldError) in try OrgNames.displayName(draft.name ?? "", field: "name") }
        guard errors.isEmpty, let office, let number, let name else {
            return try await page(request, draft, errors, secret: nil, status: .unprocessableEntity)
        }
        let secret = SecretToken.generate(prefix: "whsec_")
        let line = TelephonyLine()
        line.ngoID = office.ngoID
        line.officeID = try office.requireID()
        line.number = number.digits
        line.name = name
        line.secretCipher = try request.application.fieldCipher.seal(secret)
        line.createdAt = request.application.clock.now()
        try await request.db.write { db in
            try await line.create(on: db)
            try await request.audit(.createLine, recordType: "telephony_line", recordID: line.id, ngoID: line.ngoID,
                                    detail: .record("office", office.id!), on: db)
        }
        return try await page(request, Draft(), ValidationErrors(), secret: (line, secret), status: .created)
    }

    private static func authorize(_ request: Request) throws -> Actor {
        let actor = try request.requireActor()
        try request.authorize(.manageLines, in: Policy.ownScope(of: actor))
        return actor
    }

    private static func offices(for actor: Actor, on db: any Database) async throws -> [Office] {
        let query = Office.query(on: db).sort(\.$code)
        if let ngo = actor.ngoID { query.filter(\.$ngoID == ngo) }
        return try await query.all()
    }

    private static func page(_ request: Request, _ draft: Draft, _ errors: ValidationErrors,
                             secret: (line: TelephonyLine, secret: String)?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try authorize(request)
        let t = request.t
        let offices = try await offices(for: actor, on: request.db)
        let names = offices.reduce(into: [UUID: String]()) { $0[$1.id!] = "\($1.code) \($1.name)" }
        let lines = try await TelephonyLine.query(on: request.db).filter(\.$officeID ~~ offices.compactMap(\.id))
            .sort(\.$number).all()
        return request.page(t("lines.title"), status: status, .group(
            .p(.text(t("lines.explain"))),
            .unwrap(secret) { created in
                .div(.class("notice done"), .p(.text(t("lines.secret_once", created.line.name))),
                     .p(.code(.class("secret"), .text(created.secret))))
            },
            .if(lines.isEmpty, .p(.class("empty"), .text(t("lines.empty")))),
            .if(!lines.isEmpty, .table(.class("stack"),
                .thead(.tr(.th(.text(t("field.number"))), .th(.text(t("field.name"))), .th(.text(t("field.office"))))),
                .tbody(.forEach(lines) { line in
                    .tr(.td(.attribute(named: "data-label", value: t("field.number")), .text(line.number)),
                        .td(.attribute(named: "data-label", value: t("field.name")), .text(line.name)),
                        .td(.attribute(named: "data-label", value: t("field.office")), .text(names[line.officeID] ?? "")))
                }))),
            .h2(.text(t("lines.new"))),
            Forms.errorSummary(errors, t),
            Forms.post(IntakeRoute.lines.path, request.pageContext,
                Forms.select("office", options: offices.map { ($0.id!.uuidString, "\($0.code) \($0.name)") },
                             selected: draft.office, errors: errors, t),
                Forms.text("number", value: draft.number, errors: errors, t, type: .tel),
                Forms.text("name", value: draft.name, errors: errors, t),
                Forms.submit(t("form.create")))))
    }
}
