import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot
import Vapor

/// The public feedback form of a partner enterprise (the address on the factory-floor poster): no
/// sign-in, a few fields, works on a cheap phone, limited per address.
enum VoiceController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(EnterpriseRoute.voice(.parameter)) { request in
            try await render(request, try await partnership(request), input: FeedbackInput(), errors: ValidationErrors())
        }
        routes.post(EnterpriseRoute.voice(.parameter), use: submit)
    }

    static func partnership(_ request: Request) async throws -> Partnership {
        guard let found = try await Partnership.query(on: request.db).filter(\.$formToken == (try request.routeID())).first(),
              found.endOn.map({ $0 >= request.today }) ?? true
        else { throw HuzhuAbort.notFound }
        return found
    }

    static func submit(_ request: Request) async throws -> Response {
        let found = try await partnership(request)
        let input = try request.content.decode(FeedbackInput.self)
        do {
            _ = try await request.recordFeedback(input.command, for: found, channel: .webForm)
        } catch let errors as ValidationErrors {
            return try await render(request, found, input: input, errors: errors, status: .unprocessableEntity)
        }
        return request.page(request.t("voice.thanks_title"), .p(.class("notice done"), .text(request.t("voice.thanks"))))
    }

    static func render(_ request: Request, _ found: Partnership, input: FeedbackInput, errors: ValidationErrors,
                       status: HTTPResponseStatus = .ok) async throws -> Response {
        let t = request.t
        return request.page(t("voice.title_for", found.name), status: status, .group(
            .p(.text(t("voice.explain"))),
            Forms.errorSummary(errors, t),
            Forms.post(EnterpriseRoute.voice(.of(found.formToken)).path, request.pageContext,
                FeedbackForm.fields(input, sites: found.sites, errors: errors, t),
                Forms.submit(t("voice.send")))))
    }
}

/// The feedback fields, the same on the public form and the staff form.
enum FeedbackForm {
    static func fields(_ input: FeedbackInput, sites: [String], errors: ValidationErrors, _ t: Localizer) -> Node<HTML.FormContext> {
        .group(
            .if(!sites.isEmpty, Forms.select("site", options: sites.map { ($0, $0) }, selected: input.site, errors: errors, t,
                                             required: false)),
            Forms.select("category", options: FeedbackCategory.allCases.map { ($0.rawValue, t("feedback_category.\($0.rawValue)")) },
                         selected: input.category, errors: errors, t),
            Forms.radios("severity", options: FeedbackSeverity.allCases.map { ($0.rawValue, t("feedback_severity.\($0.rawValue)")) },
                         selected: input.severity ?? FeedbackSeverity.normal.rawValue, errors: errors, t),
            Forms.textarea("description", value: input.description, errors: errors, t, rows: 5),
            Forms.radios("treatment", options: FeedbackTreatment.allCases.map { ($0.rawValue, t("feedback_treatment.\($0.rawValue)")) },
                         selected: input.treatment ?? FeedbackTreatment.anonymous.rawValue, errors: errors, t),
            Forms.text("worker_name", value: input.worker_name, errors: errors, t, required: false, hint: t("voice.name_hint")),
            Forms.text("callback", value: input.callback, errors: errors, t, type: .tel, required: false, hint: t("voice.callback_hint")))
    }
}
