import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Plot
import Vapor

/// Messages to workers: written on a group's, a training's or a worker's page, previewed with the text as
/// sent, its segments and who gets a copy, then sent; the office's recent messages, and one message's
/// progress copy by copy.
enum MessagesController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(WorkerNetworkRoute.messages, use: list)
        routes.post(WorkerNetworkRoute.messages, use: compose)
        routes.get(WorkerNetworkRoute.message(.parameter), use: show)
    }

    /// The form that starts a message to an audience, for the audience's page.
    static func form(_ audience: Audience, _ id: UUID, typed: [String: String] = [:], errors: ValidationErrors = ValidationErrors(),
                     _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return Forms.action(t("sms.write"), open: errors.messageKey(for: "body") != nil, WorkerNetworkRoute.messages.path, page,
            Forms.hidden("audience", audience.rawValue), Forms.hidden("audience_id", id.uuidString),
            Forms.textarea("body", value: typed["body"], errors: errors, t),
            .p(.class("hint"), .text(t("sms.hint"))),
            Forms.submit(t("sms.preview")))
    }

    static func list(_ request: Request) async throws -> Response {
        try request.workContext().organisesWorkers()
        let t = request.t
        let messages = try await SMSMessage.query(on: request.db).visible(try request.visibility(.organiseWorkers))
            .sort(\.$createdAt, .descending).limit(100).all()
        let counts = try await MessageView.counts(messages.compactMap(\.id), on: request.db)
        let cipher = request.application.fieldCipher
        return request.page(t("sms.title"), .group(
            .nav(.class("subnav"), .a(.href(WorkerNetworkRoute.groups.path), .text(t("groups.title"))), .text(" · "),
                 .a(.href(WorkerNetworkRoute.trainings.path), .text(t("trainings.title")))),
            .p(.class("hint"), .text(t(request.application.smsGateway.sendURL == nil ? "sms.dry_run" : "sms.gateway_on"))),
            .if(messages.isEmpty, .p(.class("empty"), .text(t("sms.none")))),
            .ul(.forEach(messages) { message in
                .li(.a(.href(WorkerNetworkRoute.message(.of(message.id!)).path),
                       .text(ShanghaiTime.dateTime(message.createdAt, in: t.language) + " · " + String(((try? message.openBody(cipher)) ?? "").prefix(40)))),
                    .text(" · " + MessageView.summary(counts[message.id!] ?? [:], t)))
            })))
    }

    /// Without `confirm`: the preview (nothing written). With it: the message is queued.
    static func compose(_ request: Request) async throws -> Response {
        let work = try request.workContext()
        let typed = request.typedForm
        let command = ComposeMessage(form: typed)
        do {
            if typed["confirm"] == "on" {
                let message = try await Messages.send(command, criteria: request.application.workerCriteria, in: work)
                return request.redirect(to: WorkerNetworkRoute.message(.of(message.id!)).path)
            }
            let plan = try await Messages.plan(command, criteria: request.application.workerCriteria, in: work)
            return request.page(request.t("sms.preview"), MessageView.preview(plan, dryRun: request.application.smsGateway.sendURL == nil,
                                                                                   request.pageContext))
        } catch let errors as ValidationErrors {
            // Refused only once the audience was found: it has a kind and an id.
            guard let audience = Audience(rawValue: command.audience), let id = command.audienceID else { throw errors }
            let t = request.t
            return request.page(t("sms.write"), status: .unprocessableEntity, .group(
                Forms.errorSummary(errors, t),
                form(audience, id, typed: typed, errors: errors, request.pageContext),
                .p(.a(.href(audiencePath(command)), .text(t("sms.back"))))))
        }
    }

    static func audiencePath(_ command: ComposeMessage) -> String {
        guard let id = command.audienceID else { return WorkerNetworkRoute.messages.path }
        switch Audience(rawValue: command.audience) {
        case .group: return WorkerNetworkRoute.group(.of(id)).path
        case .training: return WorkerNetworkRoute.training(.of(id)).path
        case .list: return WorkerNetworkRoute.list(.of(id)).path
        case .worker: return IntakeRoute.worker(.of(id)).path
        case nil: return WorkerNetworkRoute.messages.path
        }
    }

    static func show(_ request: Request) async throws -> Response {
        let work = try request.workContext()
        let message = try await work.organised(SMSMessage.self, try request.routeID())
        let view = try await MessageView.load(message, request: request)
        try await work.write { work in
            try await work.audit(.viewMessage, recordType: "sms", recordID: message.id, ngoID: message.ngoID)
        }
        let response = request.page(request.t("sms.message"), view.render(request.pageContext))
        // While copies wait for their turn the page reloads itself: the progress, without script.
        if view.inProgress { response.headers.replaceOrAdd(name: "Refresh", value: "3") }
        return response
    }
}
