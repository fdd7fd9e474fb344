import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot
import Vapor

/// A training's public sign-up page (the address staff pass on by SMS, WeChat or a poster): no sign-in,
/// light enough for a cheap phone, limited per address. The worker gives a name and a phone; one already
/// known is found by the phone's keyed hash, anyone else becomes a worker record with the consents ticked.
enum SignUpController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(WorkerNetworkRoute.join(.parameter)) { request in
            try await page(request, try await training(request), typed: [:], errors: ValidationErrors())
        }
        routes.post(WorkerNetworkRoute.join(.parameter), use: submit)
    }

    /// The training of a sign-up address, while registrations can still change.
    static func training(_ request: Request) async throws -> Training {
        guard let found = try await Training.query(on: request.db).filter(\.$signupToken == (try request.routeID())).first(),
              found.endsAt > request.application.clock.now() else { throw HuzhuAbort.notFound }
        return found
    }

    static func submit(_ request: Request) async throws -> Response {
        let training = try await training(request)
        let typed = request.typedForm
        let registration: TrainingRegistration
        do {
            registration = try await Trainings.register(Person(form: typed), consents: Consents(form: typed), for: training,
                                                        by: Registrar(public: request))
        } catch let errors as ValidationErrors where errors.messageKey(for: "phone") == "error.already_registered" {
            // Said as to anyone who signs up: "this number is registered" would tell a stranger who typed a
            // worker's phone that the worker is (nothing is written).
            return thanks(request, training, registered: true)
        } catch let errors as ValidationErrors {
            return try await page(request, training, typed: typed, errors: errors, status: .unprocessableEntity)
        } catch let abort as HuzhuAbort where abort.messageKey == "error.training_full" {
            return try await page(request, training, typed: typed, errors: ValidationErrors([FieldError("phone", abort.messageKey)]),
                                  status: .unprocessableEntity)
        }
        return thanks(request, training, registered: registration.state == .registered)
    }

    private static func thanks(_ request: Request, _ training: Training, registered: Bool) -> Response {
        let t = request.t
        let done = registered ? t("join.registered", training.title, TrainingView.when(training, t)) : t("join.waiting", training.title)
        return request.page(t("join.thanks_title"), .group(
            .p(.class("notice done"), .attribute(named: "role", value: "status"), .text(done)),
            .p(.text(t("join.place", training.place)))))
    }

    static func page(_ request: Request, _ training: Training, typed: [String: String], errors: ValidationErrors,
                     status: HTTPResponseStatus = .ok) async throws -> Response {
        let t = request.t
        let free = training.capacity - training.taken
        return request.page(training.title, status: status, .group(
            .dl(.class("facts"), t.detail("field.training_kind", t("training_kind.\(training.kind.rawValue)")),
                t.detail("trainings.when", TrainingView.when(training, t)), t.detail("field.place", training.place),
                t.detail("field.language", training.language),
                t.detail("join.places", free > 0 ? t("join.free", String(free)) : t(training.waitingList ? "join.full_waiting" : "join.full"))),
            Forms.errorSummary(errors, t),
            .if(free > 0 || training.waitingList, Forms.post(WorkerNetworkRoute.join(.of(training.signupToken)).path, request.pageContext,
                Forms.text("full_name", value: typed["full_name"], errors: errors, t),
                Forms.text("phone", value: typed["phone"], errors: errors, t, type: .tel),
                Forms.checkbox("consent_sms", checked: typed["consent_sms"] == "on", t),
                Forms.checkbox("consent_network", checked: typed["consent_network"] == "on", t),
                .p(.class("hint"), .text(t("join.privacy"))),
                Forms.submit(t("join.submit"))))))
    }
}
