import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot
import Vapor

/// The network admin's page of local wage figures (added with their date and source, never
/// overwritten) and of the local-practice settings of the labour-law rules.
enum LawParametersController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(CasesRoute.lawParameters) { request in try await render(request, errors: ValidationErrors(), typed: [:]) }
        routes.post(CasesRoute.lawParameters, use: save)
    }

    struct Input: Content {
        var kind: String?
        var region: String?
        var amount: String?
        var effective_on: String?
        var reference: String?
        var double_wage_mode: String?
    }

    static func save(_ request: Request) async throws -> Response {
        try request.authorize(.manageLawParameters, in: .network)
        let input = try request.content.decode(Input.self)
        if let raw = input.double_wage_mode {
            guard let mode = Deadlines.DoubleWageMode(rawValue: raw) else { throw HuzhuAbort(.unprocessableEntity, "error.choice_invalid") }
            try await request.db.write { db in
                let setting = try await LawSetting.find(ParameterBook.doubleWageModeKey, on: db) ?? LawSetting()
                setting.id = ParameterBook.doubleWageModeKey
                setting.value = mode.rawValue
                try await setting.save(on: db)
                try await request.audit(.updateLawParameters, recordType: "law_setting", recordID: nil, ngoID: nil,
                                        detail: .fields("double_wage_mode") + AuditDetail(mode), on: db)
            }
            return request.redirect(to: CasesRoute.lawParameters.path)
        }
        var errors = ValidationErrors()
        let kind = input.kind.flatMap(WageParameter.Kind.init(rawValue:))
        if kind == nil { errors.add("kind", "error.choice_invalid") }
        let region = errors.check { () throws(FieldError) in try CaseInput.text(input.region, field: "region", max: 50) }
        let amount = errors.check { () throws(FieldError) in try Money(yuan: input.amount ?? "", field: "amount") }
        let date = errors.check { () throws(FieldError) in try CaseInput.date(input.effective_on, field: "effective_on") }
        if date == .some(nil) { errors.add("effective_on", "error.required") }
        let source = errors.check { () throws(FieldError) in try CaseInput.text(input.reference, field: "reference", max: 300) }
        if let kind, let region, let date = date ?? nil, errors.isEmpty,
           try await WageParameter.query(on: request.db).filter(\.$kind == kind).filter(\.$region == region)
               .filter(\.$effectiveOn == date).first() != nil {
            errors.add("effective_on", "error.parameter_exists")
        }
        guard errors.isEmpty, let kind, let region, let amount, let date = date ?? nil, let source else {
            return try await render(request, errors: errors, typed: request.typedForm, status: .unprocessableEntity)
        }
        let row = WageParameter()
        row.kind = kind
        row.region = region
        row.amountFen = amount.fen
        row.effectiveOn = date
        row.source = source
        row.createdAt = request.application.clock.now()
        try await request.db.write { db in
            try await row.create(on: db)
            try await request.audit(.updateLawParameters, recordType: "wage_parameter", recordID: row.id, ngoID: nil,
                                    detail: AuditDetail(row.kind), on: db)
        }
        return request.redirect(to: CasesRoute.lawParameters.path)
    }

    static func render(_ request: Request, errors: ValidationErrors, typed: [String: String],
                       status: HTTPResponseStatus = .ok) async throws -> Response {
        try request.authorize(.manageLawParameters, in: .network)
        let rows = try await WageParameter.query(on: request.db).sort(\.$kind).sort(\.$region).sort(\.$effectiveOn, .descending).all()
        let mode = try await ParameterBook(db: request.db).doubleWageMode()
        let t = request.t
        let page = request.pageContext
        return request.page(t("law_parameters.title"), status: status, .group(
            .table(.class("stack"),
                .thead(.tr(.th(.text(t("field.kind"))), .th(.text(t("field.region"))), .th(.text(t("field.amount"))),
                           .th(.text(t("field.effective_on"))), .th(.text(t("field.reference"))))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.text(t("parameter_kind.\(row.kind.rawValue)"))), .td(.text(row.region)),
                        .td(.text(Money(fen: row.amountFen).formatted)), .td(.text(row.effectiveOn.description)), .td(.text(row.source)))
                })),
            .section(.class("card"), .h2(.text(t("law_parameters.add"))),
                Forms.errorSummary(errors, t),
                Forms.post(CasesRoute.lawParameters.path, page,
                    Forms.select("kind", options: WageParameter.Kind.allCases.map { ($0.rawValue, t("parameter_kind.\($0.rawValue)")) },
                                 selected: typed["kind"], errors: errors, t),
                    Forms.text("region", value: typed["region"], errors: errors, t, hint: t("law_parameters.region_hint")),
                    Forms.text("amount", value: typed["amount"], errors: errors, t),
                    Forms.text("effective_on", value: typed["effective_on"], errors: errors, t, type: .date),
                    Forms.text("reference", value: typed["reference"], errors: errors, t),
                    Forms.submit(t("law_parameters.add")))),
            .section(.class("card"), .h2(.text(t("law_parameters.double_wage_mode"))),
                Forms.post(CasesRoute.lawParameters.path, page,
                    Forms.radios("double_wage_mode", options: Deadlines.DoubleWageMode.allCases.map {
                        ($0.rawValue, t("double_wage_mode.\($0.rawValue)"))
                    }, selected: mode.rawValue, errors: ValidationErrors(), t),
                    Forms.submit(t("form.save"))))))
    }
}
