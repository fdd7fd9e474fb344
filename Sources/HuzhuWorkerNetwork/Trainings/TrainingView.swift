import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// One training's page, as a view value: what, when and where; those registered (with the roll call from
/// the training's day: one tap a name), the waiting list in turn, and the forms to register and to add a
/// walk-in.
struct TrainingView {
    struct Row {
        let registration: TrainingRegistration
        let name: String
        let phone: String
    }

    let training: Training
    let officeName: String
    let registered: [Row]
    let waiting: [Row]
    let today: CalendarDate
    let now: Date

    static func load(_ training: Training, request: Request) async throws -> TrainingView {
        let db = request.db
        let cipher = request.application.fieldCipher
        let registrations = try await TrainingRegistration.query(on: db).filter(\.$trainingID == training.id!)
            .filter(\.$state != .cancelled).sort(\.$turn).all()
        let workers = Dictionary(uniqueKeysWithValues: try await Worker.query(on: db).filter(\.$id ~~ registrations.map(\.workerID)).all()
            .map { ($0.id!, $0) })
        let phones = try await WorkerStore(db: db, cipher: cipher).phones(of: registrations.map(\.workerID))
        let rows = try registrations.map { registration in
            Row(registration: registration, name: try workers[registration.workerID]?.openName(cipher) ?? "",
                phone: phones[registration.workerID]?.first?.masked ?? "")
        }
        return TrainingView(training: training, officeName: try await Office.find(training.officeID, on: db)?.name ?? "",
                            registered: rows.filter { $0.registration.state == .registered }.sorted { $0.name < $1.name },
                            waiting: rows.filter { $0.registration.state == .waiting },
                            today: request.today, now: request.application.clock.now())
    }

    /// The day and the hours, in Beijing time.
    static func when(_ training: Training, _ t: Localizer) -> String {
        ShanghaiTime.date(training.startsAt, in: t.language) + " "
            + "\(ShanghaiTime.localMinute(training.startsAt).suffix(5))–\(ShanghaiTime.localMinute(training.endsAt).suffix(5))"
    }

    func render(_ page: PageContext, errors: ValidationErrors, typed: [String: String]) -> Node<HTML.BodyContext> {
        let t = page.t
        let id = RouteID.of(training.id!)
        let rollCall = training.day <= today
        let open = training.endsAt > now
        let present = registered.filter { $0.registration.attendedAt != nil }.count
        return .group(
            .nav(.class("subnav"), .a(.href(WorkerNetworkRoute.trainings.path), .text(t("trainings.title"))), .text(" · "),
                 .a(.href(WorkerNetworkRoute.messages.path), .text(t("sms.title")))),
            .section(.class("card"),
                .dl(t.detail("field.training_kind", t("training_kind.\(training.kind.rawValue)")),
                    t.detail("trainings.when", Self.when(training, t)), t.detail("field.place", training.place),
                    t.detail("field.office", officeName), t.detail("field.trainer", training.trainer),
                    t.detail("field.language", training.language),
                    t.detail("trainings.places", "\(training.taken)/\(training.capacity)"
                             + (training.waitingList ? " · " + t("trainings.waiting_count", String(waiting.count)) : "")),
                    .if(rollCall, t.detail("trainings.present", "\(present)/\(registered.count)")),
                    .if(open, t.detail("trainings.public_link", WorkerNetworkRoute.join(.of(training.signupToken)).path))),
                .if(open, .p(.class("hint"), .text(t("trainings.public_link_hint"))))),
            Forms.errorSummary(errors, t),
            .if(open, MessagesController.form(.training, training.id!, page)),
            .if(open, Forms.action(t("trainings.register"), open: !errors.isEmpty && typed["walk_in"] == nil,
                                   WorkerNetworkRoute.registrations(id).path, page,
                Forms.text("full_name", value: typed["walk_in"] == nil ? typed["full_name"] : nil, errors: errors, t, hint: t("groups.known_by_phone")),
                Forms.text("phone", value: typed["walk_in"] == nil ? typed["phone"] : nil, errors: errors, t, type: .tel),
                Forms.submit(t("trainings.register")))),
            .if(rollCall, Forms.action(t("trainings.walk_in"), open: !errors.isEmpty && typed["walk_in"] != nil,
                                       WorkerNetworkRoute.walkIns(id).path, page,
                Forms.hidden("walk_in", "on"),
                Forms.text("full_name", value: typed["walk_in"] != nil ? typed["full_name"] : nil, errors: errors, t, instance: "walk-in"),
                Forms.text("phone", value: typed["walk_in"] != nil ? typed["phone"] : nil, errors: errors, t, type: .tel, instance: "walk-in"),
                Forms.submit(t("trainings.walk_in")))),
            .h2(.text(t(rollCall ? "trainings.roll_call" : "trainings.registered"))),
            .if(registered.isEmpty, .p(.class("empty"), .text(t("trainings.nobody")))),
            .ul(.class("roll-call"), .forEach(registered) { row in item(row, rollCall: rollCall, open: open, page) }),
            .if(!waiting.isEmpty, .group(.h2(.text(t("trainings.waiting"))),
                .ol(.forEach(waiting) { row in item(row, rollCall: rollCall, open: open, page) }))))
    }

    private func item(_ row: Row, rollCall: Bool, open: Bool, _ page: PageContext) -> Node<HTML.ListContext> {
        let t = page.t
        let id = RouteID.of(row.registration.id!)
        let came = row.registration.attendedAt != nil
        return .li(.id("registration-\(row.registration.id!.uuidString.lowercased())"), .class(came ? "present" : ""),
            .if(rollCall, Forms.post(WorkerNetworkRoute.attendance(id).path, page,
                Forms.hidden("present", came ? "off" : "on"),
                .button(.type(.submit), .class(came ? "roll present" : "roll"),
                        .attribute(named: "aria-pressed", value: came ? "true" : "false"),
                        .text("\(row.name) · \(row.phone)" + (row.registration.walkIn ? " · \(t("trainings.walked_in"))" : ""))))),
            .if(!rollCall, .text("\(row.name) · \(row.phone)")),
            .if(open && !came, Forms.post(WorkerNetworkRoute.registrationCancel(id).path, page,
                                          .button(.type(.submit), .class("link"), .text(t("trainings.cancel"))))))
    }
}
