import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Plot
import Vapor

/// An office's trainings: the coming ones and the last quarter's, the form for a new one, and one
/// training's page with registration, the waiting list and the roll call.
enum TrainingsController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(WorkerNetworkRoute.trainings) { try await list($0, errors: ValidationErrors(), typed: [:]) }
        routes.post(WorkerNetworkRoute.trainings, use: create)
        routes.get(WorkerNetworkRoute.training(.parameter)) { try await show($0, errors: ValidationErrors(), typed: [:]) }
        routes.post(WorkerNetworkRoute.registrations(.parameter)) { request in
            try await person(request) { person, training, work in try await Trainings.register(person, for: training, in: work) }
        }
        routes.post(WorkerNetworkRoute.walkIns(.parameter)) { request in
            try await person(request) { person, training, work in try await Trainings.walkIn(person, to: training, in: work) }
        }
        routes.post(WorkerNetworkRoute.registrationCancel(.parameter)) { request in
            let (registration, training, work) = try await registration(request)
            try await Trainings.cancel(registration, of: training, in: work)
            return request.redirect(to: WorkerNetworkRoute.training(.of(training.id!)).path)
        }
        routes.post(WorkerNetworkRoute.attendance(.parameter)) { request in
            let (registration, training, work) = try await registration(request)
            try await Trainings.attend(registration, of: training, present: request.typedForm["present"] == "on", in: work)
            return request.redirect(to: WorkerNetworkRoute.training(.of(training.id!)).path + "#registration-\(registration.id!.uuidString.lowercased())")
        }
    }

    static func list(_ request: Request, errors: ValidationErrors, typed: [String: String],
                     status: HTTPResponseStatus = .ok) async throws -> Response {
        try request.workContext().organisesWorkers()
        let t = request.t
        let since = request.application.clock.now().addingTimeInterval(-90 * 24 * 3600)
        let trainings = try await Training.query(on: request.db).visible(try request.visibility(.organiseWorkers))
            .filter(\.$endsAt > since).sort(\.$startsAt).limit(500).all()
        let offices = try await GroupsController.offices(request)
        let now = request.application.clock.now()
        func table(_ rows: [Training]) -> Node<HTML.BodyContext> {
            .table(.class("stack"),
                .thead(.tr(.th(.text(t("field.training_title"))), .th(.text(t("trainings.when"))), .th(.text(t("field.place"))), .th(.text(t("trainings.places"))))),
                .tbody(.forEach(rows) { training in
                    .tr(.td(.attribute(named: "data-label", value: t("field.training_title")),
                            .a(.href(WorkerNetworkRoute.training(.of(training.id!)).path), .text(training.title)),
                            .text(" · " + t("training_kind.\(training.kind.rawValue)"))),
                        .td(.attribute(named: "data-label", value: t("trainings.when")), .text(TrainingView.when(training, t))),
                        .td(.attribute(named: "data-label", value: t("field.place")), .text(training.place)),
                        .td(.attribute(named: "data-label", value: t("trainings.places")), .text("\(training.taken)/\(training.capacity)")))
                }))
        }
        let coming = trainings.filter { $0.endsAt > now }, past = trainings.filter { $0.endsAt <= now }.reversed()
        return request.page(t("trainings.title"), status: status, .group(
            .nav(.class("subnav"), .a(.href(WorkerNetworkRoute.groups.path), .text(t("groups.title")))),
            .h2(.text(t("trainings.coming"))),
            coming.isEmpty ? .p(.class("empty"), .text(t("trainings.none_coming"))) : table(coming),
            .if(!past.isEmpty, .group(.h2(.text(t("trainings.past"))), table(Array(past)))),
            Forms.action(t("trainings.new"), open: !errors.isEmpty, WorkerNetworkRoute.trainings.path, request.pageContext,
                Forms.errorSummary(errors, t),
                Forms.select("office", options: offices.map { ($0.id!.uuidString, $0.name) },
                             selected: typed["office"] ?? request.actor?.officeID?.uuidString, errors: errors, t),
                Forms.select("training_kind", options: TrainingKind.allCases.map { ($0.rawValue, t("training_kind.\($0.rawValue)")) },
                             selected: typed["training_kind"] ?? TrainingKind.legalKnowledge.rawValue, errors: errors, t),
                Forms.text("training_title", value: typed["training_title"], errors: errors, t),
                Forms.text("day", value: typed["day"] ?? request.today.adding(days: 7).description, errors: errors, t, type: .date),
                Forms.text("starts", value: typed["starts"] ?? "19:00", errors: errors, t, type: .time),
                Forms.text("ends", value: typed["ends"] ?? "21:00", errors: errors, t, type: .time),
                Forms.text("place", value: typed["place"], errors: errors, t),
                Forms.text("trainer", value: typed["trainer"], errors: errors, t),
                Forms.text("language", value: typed["language"] ?? "普通话", errors: errors, t, required: false),
                Forms.text("capacity", value: typed["capacity"] ?? "40", errors: errors, t),
                Forms.checkbox("waiting_list", checked: typed.isEmpty || typed["waiting_list"] == "on", t),
                Forms.submit(t("trainings.new")))))
    }

    static func create(_ request: Request) async throws -> Response {
        let typed = request.typedForm
        do {
            let training = try await Trainings.create(CreateTraining(form: typed), in: try request.workContext())
            return request.redirect(to: WorkerNetworkRoute.training(.of(training.id!)).path)
        } catch let errors as ValidationErrors {
            return try await list(request, errors: errors, typed: typed, status: .unprocessableEntity)
        }
    }

    static func show(_ request: Request, errors: ValidationErrors, typed: [String: String],
                     status: HTTPResponseStatus = .ok) async throws -> Response {
        let work = try request.workContext()
        let training = try await work.organised(Training.self, try request.routeID())
        let view = try await TrainingView.load(training, request: request)
        try await work.write { work in
            try await work.audit(.viewTraining, recordType: "training", recordID: training.id, ngoID: training.ngoID)
        }
        return request.page(training.title, status: status, view.render(request.pageContext, errors: errors, typed: typed))
    }

    /// A person registered or walking in: back to the training, or its page with the form's errors.
    private static func person(_ request: Request,
                               _ act: (Person, Training, WorkContext) async throws -> TrainingRegistration) async throws -> Response {
        let work = try request.workContext()
        let training = try await work.organised(Training.self, try request.routeID())
        let typed = request.typedForm
        do {
            _ = try await act(Person(form: typed), training, work)
            return request.redirect(to: WorkerNetworkRoute.training(.of(training.id!)).path)
        } catch let errors as ValidationErrors {
            return try await show(request, errors: errors, typed: typed, status: .unprocessableEntity)
        }
    }

    private static func registration(_ request: Request) async throws -> (TrainingRegistration, Training, WorkContext) {
        let work = try request.workContext()
        let registration = try await work.organised(TrainingRegistration.self, try request.routeID())
        guard let training = try await Training.find(registration.trainingID, on: request.db) else { throw HuzhuAbort.notFound }
        return (registration, training, work)
    }
}
