import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// Importing an existing roster: upload the CSV into an office, see every row's problems and what would
/// be enrolled, then confirm. Nothing is written before the confirmation. Between the two steps the file
/// travels sealed with the server's key in the page (bound to the person and the office), so that
/// nobody else can read or alter it and no copy of the roster stays on the server.
enum RosterImportController {
    /// Thousands of volunteers are a few hundred kilobytes.
    static let maxFileBytes = 2 * 1024 * 1024

    struct Upload: Content {
        var office: String?
        var file: File?
    }

    /// The file between preview and confirmation.
    struct Sealed: Codable {
        let user: UUID
        let office: UUID
        let text: String
    }

    static func register(_ app: Application) {
        let routes = app.routes
        // The confirmation carries the sealed file: a third larger than it, in base64.
        app.uploadLimits[VolunteersRoute.importRoster.path] = maxFileBytes
        app.uploadLimits[VolunteersRoute.importConfirm.path] = maxFileBytes * 2
        routes.get(VolunteersRoute.importRoster) { request async throws -> Response in
            try await upload(request, error: nil, status: .ok)
        }
        routes.get(VolunteersRoute.importTemplate, use: template)
        routes.on(.POST, VolunteersRoute.importRoster.components, body: .collect(maxSize: ByteCount(integerLiteral: maxFileBytes)),
                  use: preview)
        routes.on(.POST, VolunteersRoute.importConfirm.components, body: .collect(maxSize: ByteCount(integerLiteral: maxFileBytes * 2)),
                  use: confirm)
    }

    static func upload(_ request: Request, error: String?, status: HTTPResponseStatus) async throws -> Response {
        try await upload(request, errors: error.map { [$0] } ?? [], status: status)
    }

    static func upload(_ request: Request, errors: [String], status: HTTPResponseStatus) async throws -> Response {
        try request.inOwnScope(.manageVolunteers)
        let t = request.t
        let offices = try await RosterController.managedOffices(request)
        return request.page(t("roster_import.title"), status: status, .group(
            .p(.text(t("roster_import.explain"))),
            .p(.a(.href(VolunteersRoute.importTemplate.path), .text(t("roster_import.template")))),
            .if(!errors.isEmpty, .div(.class("notice error"), .attribute(named: "role", value: "alert"), .text(errors.map { t($0) }.joined(separator: " ")))),
            .form(.method(.post), .action(VolunteersRoute.importRoster.path), .enctype(.multipartData),
                  Forms.csrf(request.pageContext.csrf),
                  Forms.select("office", options: offices.map { ($0.id!.uuidString, $0.name) }, selected: request.actor?.officeID?.uuidString,
                               errors: ValidationErrors(), t),
                  .div(.class("field"),
                       .label(.for("field-file"), .text(t("field.file"))),
                       .input(.type(.file), .id("field-file"), .name("file"), .required(true), Attribute(name: "accept", value: ".csv,text/csv"))),
                  Forms.submit(t("import.preview")))))
    }

    /// An empty roster with the recognised headers in the page's language.
    static func template(_ request: Request) async throws -> Response {
        try request.inOwnScope(.manageVolunteers)
        let headers = RosterImport.columns.map { column in request.t.language == .en ? column.headers.first { $0.allSatisfy(\.isASCII) } ?? column.field : column.headers[0] }
        return .csv([CSV.line(headers)], filename: "roster.csv")
    }

    static func preview(_ request: Request) async throws -> Response {
        let work = try request.workContext()
        try work.keepsVolunteers()
        let upload = try? request.content.decode(Upload.self)
        guard let file = upload?.file, file.data.readableBytes > 0 else { return try await self.upload(request, error: "error.import_no_file", status: .unprocessableEntity) }
        guard let text = CSV.decode(Data(buffer: file.data)) else { return try await self.upload(request, error: "error.import_encoding", status: .unprocessableEntity) }
        let rows = CSV.parse(text)
        guard rows.count >= 2 else { return try await self.upload(request, error: "error.import_empty", status: .unprocessableEntity) }
        let office = try await work.keptOffice(upload?.office.flatMap(UUID.init(uuidString:)))
        let plan: RosterImport.Plan
        do {
            plan = try await RosterImport.plan(rows, officeID: office.id!, ngoID: office.ngoID, in: work)
        } catch let errors as ValidationErrors {
            return try await self.upload(request, errors: errors.errors.map(\.messageKey), status: .unprocessableEntity)
        }
        let sealed = try work.cipher.seal(String(decoding: try JSONEncoder().encode(Sealed(user: work.actor.userID, office: office.id!, text: text)),
                                                 as: UTF8.self)).base64EncodedString()
        let t = request.t
        return request.page(t("roster_import.title"), .group(
            .p(.text(t("import.file", String(file.filename.prefix(200)), String(plan.total)) + " · " + office.name)),
            .p(.text(t("roster_import.columns") + RosterImport.columns.compactMap { plan.recognised[$0.field] == nil ? nil : t("field.\($0.field)") }
                .joined(separator: "、"))),
            report(plan, t),
            .if(!plan.valid.isEmpty,
                .form(.method(.post), .action(VolunteersRoute.importConfirm.path), Forms.csrf(request.pageContext.csrf),
                      Forms.hidden("roster", sealed),
                      .button(.type(.submit), .class("primary"), .text(t("roster_import.commit", String(plan.valid.count))))))))
    }

    static func confirm(_ request: Request) async throws -> Response {
        let work = try request.workContext()
        try work.keepsVolunteers()
        guard let data = Data(base64Encoded: request.typedForm["roster"] ?? ""), let json = try? work.cipher.open(data),
              let sealed = try? JSONDecoder().decode(Sealed.self, from: Data(json.utf8)), sealed.user == work.actor.userID
        else { throw HuzhuAbort(.unprocessableEntity, "error.import_expired") }
        let plan: RosterImport.Plan
        do {
            plan = try await Volunteers.importRoster(CSV.parse(sealed.text), officeID: sealed.office, in: work)
        } catch let errors as ValidationErrors {
            return try await upload(request, errors: errors.errors.map(\.messageKey), status: .unprocessableEntity)
        }
        let t = request.t
        return request.page(t("roster_import.title"), .group(
            .div(.class("notice done"), .attribute(named: "role", value: "status"), .text(t("roster_import.done", String(plan.valid.count)))),
            report(plan, t),
            .p(.a(.href(VolunteersRoute.volunteers.path), .text(t("volunteers.title"))))))
    }

    /// What the roster holds: rows to enrol, rows with problems (each listed), rows known or repeated.
    private static func report(_ plan: RosterImport.Plan, _ t: Localizer) -> Node<HTML.BodyContext> {
        .group(
            .ul(.li(.text(t("import.valid", String(plan.valid.count)))),
                .li(.text(t("import.problems", String(plan.problems.count)))),
                .li(.text(t("roster_import.known", String(plan.known.count)) + lines(plan.known))),
                .li(.text(t("import.repeated", String(plan.repeated.count)) + lines(plan.repeated)))),
            .if(!plan.problems.isEmpty,
                .table(.class("stack"),
                    .thead(.tr(.th(.text(t("import.line"))), .th(.text(t("import.what"))))),
                    .tbody(.forEach(plan.problems.prefix(1000)) { problem in
                        .tr(.td(.attribute(named: "data-label", value: t("import.line")), .text(String(problem.line))),
                            .td(.attribute(named: "data-label", value: t("import.what")),
                                .text(problem.errors.map { "\(t("field.\($0.field)")): \(t($0.messageKey))" }.joined(separator: "；"))))
                    }))))
    }

    private static func lines(_ lines: [Int]) -> String {
        guard !lines.isEmpty else { return "" }
        return " (" + lines.prefix(20).map(String.init).joined(separator: ", ") + (lines.count > 20 ? ", …" : "") + ")"
    }
}
