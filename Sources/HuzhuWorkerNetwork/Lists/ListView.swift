import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Plot
import Vapor

/// A saved list run on today's records: how many it finds, the first of them, and what can be done with
/// all of them.
struct ListView {
    static let shown = 200

    struct Row {
        let id: UUID
        let name: String
        let phone: String
        let city: String
    }

    let list: SavedList
    let count: Int
    let rows: [Row]
    let groups: [WorkerGroup]
    let trainings: [Training]

    static func load(_ list: SavedList, workers: [UUID], request: Request) async throws -> ListView {
        let db = request.db
        let cipher = request.application.fieldCipher
        let first = Array(workers.prefix(shown))
        let records = try await Worker.query(on: db).filter(\.$id ~~ first).all()
        let phones = try await WorkerStore(db: db, cipher: cipher).phones(of: first)
        let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.id!, $0) })
        let rows = try first.compactMap { id in
            try byID[id].map { Row(id: id, name: try $0.openName(cipher), phone: phones[id]?.first?.masked ?? "", city: $0.currentCity ?? "") }
        }
        let visibility = try request.visibility(.organiseWorkers)
        return ListView(list: list, count: workers.count, rows: rows,
                        groups: try await WorkerGroup.query(on: db).visible(visibility).filter(\.$ngoID == list.ngoID).sort(\.$name).all(),
                        trainings: try await Training.query(on: db).visible(visibility).filter(\.$ngoID == list.ngoID)
                            .filter(\.$endsAt > request.application.clock.now()).sort(\.$startsAt).all())
    }

    func render(_ page: PageContext, notice: String?) -> Node<HTML.BodyContext> {
        let t = page.t
        let id = RouteID.of(list.id!)
        return .group(
            .nav(.class("subnav"), .a(.href(WorkerNetworkRoute.lists.path), .text(t("lists.title")))),
            .unwrap(notice) { .p(.class("notice done"), .attribute(named: "role", value: "status"), .text($0)) },
            .p(.text(t("lists.found", String(count))), .if(count > Self.shown, .text(" " + t("lists.first", String(Self.shown))))),
            .if(count > 0 && !groups.isEmpty, Forms.action(t("lists.to_group"), open: false, WorkerNetworkRoute.listToGroup(id).path, page,
                Forms.select("group", options: groups.map { ($0.id!.uuidString, $0.name) }, selected: nil, errors: ValidationErrors(), t),
                Forms.submit(t("lists.to_group")))),
            .if(count > 0 && !trainings.isEmpty, Forms.action(t("lists.to_training"), open: false, WorkerNetworkRoute.listToTraining(id).path, page,
                Forms.select("training", options: trainings.map { ($0.id!.uuidString, $0.title + " · " + TrainingView.when($0, t)) }, selected: nil,
                             errors: ValidationErrors(), t),
                Forms.submit(t("lists.to_training")))),
            .if(count > 0, MessagesController.form(.list, list.id!, page)),
            .table(.class("stack"),
                .thead(.tr(.th(.text(t("field.full_name"))), .th(.text(t("field.phone"))), .th(.text(t("field.current_city"))))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.attribute(named: "data-label", value: t("field.full_name")), .a(.href(IntakeRoute.worker(.of(row.id)).path), .text(row.name))),
                        .td(.attribute(named: "data-label", value: t("field.phone")), .text(row.phone)),
                        .td(.attribute(named: "data-label", value: t("field.current_city")), .text(row.city)))
                })))
    }
}
