import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot
import Vapor

/// The network's topic taxonomy: the network admin adds topics; contacts choose among the active ones.
enum TopicsController {
    struct Draft: Content {
        var code: String?
        var name_zh: String?
        var name_en: String?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(IntakeRoute.topics) { request async throws -> Response in
            try request.authorize(.manageTopics, in: .network)
            return try await page(request, Draft(), ValidationErrors(), status: .ok)
        }
        routes.post(IntakeRoute.topics, use: create)
    }

    static func create(_ request: Request) async throws -> Response {
        try request.authorize(.manageTopics, in: .network)
        let draft = try request.content.decode(Draft.self)
        var errors = ValidationErrors()
        let code = (draft.code ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if code.isEmpty || code.count > 40 || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
            errors.add("code", "error.topic_code")
        } else if try await Topic.query(on: request.db).filter(\.$code == code).count() > 0 {
            errors.add("code", "error.code_taken")
        }
        let zh = errors.check { () throws(FieldError) in try OrgNames.displayName(draft.name_zh ?? "", field: "name_zh") }
        let en = errors.check { () throws(FieldError) in try OrgNames.displayName(draft.name_en ?? "", field: "name_en") }
        guard errors.isEmpty, let zh, let en else { return try await page(request, draft, errors, status: .unprocessableEntity) }
        let last = try await Topic.query(on: request.db).max(\.$position) ?? 0
        let topic = Topic(code: code, nameZh: zh, nameEn: en, position: last + 10)
        try await request.db.write { db in
            try await topic.create(on: db)
            try await request.audit(.createTopic, recordType: "topic", recordID: topic.id, ngoID: nil, on: db)
        }
        return request.seeOther(IntakeRoute.topics)
    }

    private static func page(_ request: Request, _ draft: Draft, _ errors: ValidationErrors,
                             status: HTTPResponseStatus) async throws -> Response {
        let t = request.t
        let topics = try await Topic.query(on: request.db).sort(\.$position).all()
        return request.page(t("topics.title"), status: status, .group(
            .table(.class("stack"),
                .thead(.tr(.th(.text(t("field.code"))), .th(.text(t("field.name_zh"))), .th(.text(t("field.name_en"))))),
                .tbody(.forEach(topics) { topic in
                    .tr(.td(.attribute(named: "data-label", value: t("field.code")), .code(.text(topic.code))),
                        .td(.attribute(named: "data-label", value: t("field.name_zh")), .text(topic.nameZh)),
                        .td(.attribute(named: "data-label", value: t("field.name_en")), .text(topic.nameEn)))
                })),
            .h2(.text(t("topics.new"))),
            Forms.errorSummary(errors, t),
            Forms.post(IntakeRoute.topics.path, request.pageContext,
                Forms.text("code", value: draft.code, errors: errors, t, hint: t("topics.code_hint")),
                Forms.text("name_zh", value: draft.name_zh, errors: errors, t),
                Forms.text("name_en", value: draft.name_en, errors: errors, t),
                Forms.submit(t("form.create")))))
    }
}
