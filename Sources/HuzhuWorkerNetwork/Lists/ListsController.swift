import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Plot
import Vapor

/// Finding people: an office's saved searches over the NGO's workers, the form for a new one, and one
/// list run on today's records, whose workers can join a group, be registered for a training or get a
/// text.
enum ListsController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(WorkerNetworkRoute.lists) { try await lists($0, errors: ValidationErrors(), typed: [:]) }
        routes.post(WorkerNetworkRoute.lists, use: save)
        routes.get(WorkerNetworkRoute.list(.parameter)) { try await show($0, notice: nil) }
        routes.post(WorkerNetworkRoute.listToGroup(.parameter)) { request in
            let (list, workers, work) = try await run(request)
            let joined = try await SavedLists.addToGroup(workers, groupID: try group(request), in: work)
            return try await show(request, list: list, notice: request.t("lists.joined", String(joined)))
        }
        routes.post(WorkerNetworkRoute.listToTraining(.parameter)) { request in
            let (list, workers, work) = try await run(request)
            guard let training = request.typedForm["training"].flatMap(UUID.init(uuidString:)) else { throw HuzhuAbort.notFound }
            let result = try await SavedLists.register(workers, trainingID: training, in: work)
            return try await show(request, list: list, notice: request.t("lists.registered", String(result.registered), String(result.waiting),
                                                                         String(result.refused)))
        }
    }

    private static func group(_ request: Request) throws -> UUID {
        guard let id = request.typedForm["group"].flatMap(UUID.init(uuidString:)) else { throw HuzhuAbort.notFound }
        return id
    }

    private static func run(_ request: Request) async throws -> (SavedList, [UUID], WorkContext) {
        let work = try request.workContext()
        let list = try await work.organised(SavedList.self, try request.routeID())
        return (list, try await SavedLists.run(list, criteria: request.application.workerCriteria, in: work), work)
    }

    static func lists(_ request: Request, errors: ValidationErrors, typed: [String: String],
                      status: HTTPResponseStatus = .ok) async throws -> Response {
        try request.workContext().organisesWorkers()
        let t = request.t
        let lists = try await SavedList.query(on: request.db).visible(try request.visibility(.organiseWorkers)).sort(\.$name).all()
        let offices = try await GroupsController.offices(request)
        let topics = try await Topic.query(on: request.db).sort(\.$position).all()
        let criteria = request.application.workerCriteria
        let recorded = Forms.select("recorded_by", options: offices.map { ($0.id!.uuidString, $0.name) }, selected: typed["recorded_by"],
                                    errors: errors, t, required: false) as Node<HTML.FormContext>
        let topic = Forms.select("topic", options: topics.map { ($0.id!.uuidString, t.language == .en ? $0.nameEn : $0.nameZh) },
                                 selected: typed["topic"], errors: errors, t, required: false) as Node<HTML.FormContext>
        let consent = Forms.select("consent", options: [("sms", t("field.consent_sms")), ("network", t("field.consent_network"))],
                                   selected: typed["consent"], errors: errors, t, required: false) as Node<HTML.FormContext>
        var fields: [Node<HTML.FormContext>] = [
            Forms.errorSummary(errors, t),
            Forms.text("name", value: typed["name"], errors: errors, t),
            Forms.select("office", options: offices.map { ($0.id!.uuidString, $0.name) }, selected: typed["office"] ?? request.actor?.officeID?.uuidString,
                         errors: errors, t),
            .p(.class("hint"), .text(t("lists.criteria_hint"))),
            recorded,
        ]
        for field in ["current_city", "home_province", "industry"] {
            fields.append(Forms.text(field, value: typed[field], errors: errors, t, required: false))
        }
        fields += [topic, consent, Forms.text("contacted_within_days", value: typed["contacted_within_days"], errors: errors, t, required: false) as Node<HTML.FormContext>]
        for criterion in criteria {
            fields.append(Forms.select(criterion.field, options: criterion.choices.map { ($0.value, t($0.labelKey)) }, selected: typed[criterion.field],
                                       errors: errors, t, required: false))
        }
        fields.append(Forms.submit(t("lists.new")))
        return request.page(t("lists.title"), status: status, .group(
            .nav(.class("subnav"), .a(.href(WorkerNetworkRoute.groups.path), .text(t("groups.title"))), .text(" · "),
                 .a(.href(WorkerNetworkRoute.trainings.path), .text(t("trainings.title"))), .text(" · "),
                 .a(.href(WorkerNetworkRoute.messages.path), .text(t("sms.title")))),
            .if(lists.isEmpty, .p(.class("empty"), .text(t("lists.none")))),
            .ul(.forEach(lists) { list in .li(.a(.href(WorkerNetworkRoute.list(.of(list.id!)).path), .text(list.name))) }),
            Forms.action(t("lists.new"), open: !errors.isEmpty, WorkerNetworkRoute.lists.path, request.pageContext, nodes: fields)))
    }

    /// The form's search: "recorded_by" is the office that recorded the worker (the list's own office is where it is kept).
    static func search(_ typed: [String: String], criteria: [WorkerCriterion]) -> WorkerSearch {
        var fields = typed
        fields["office"] = typed["recorded_by"]
        return WorkerSearch(form: fields, criteria: criteria)
    }

    static func save(_ request: Request) async throws -> Response {
        let typed = request.typedForm
        do {
            let list = try await SavedLists.save(name: typed["name"] ?? "", officeID: typed["office"].flatMap(UUID.init(uuidString:)),
                                                 search: search(typed, criteria: request.application.workerCriteria), in: try request.workContext())
            return request.redirect(to: WorkerNetworkRoute.list(.of(list.id!)).path)
        } catch let errors as ValidationErrors {
            return try await lists(request, errors: errors, typed: typed, status: .unprocessableEntity)
        }
    }

    static func show(_ request: Request, notice: String?) async throws -> Response {
        let list = try await request.workContext().organised(SavedList.self, try request.routeID())
        return try await show(request, list: list, notice: notice)
    }

    static func show(_ request: Request, list: SavedList, notice: String?) async throws -> Response {
        let work = try request.workContext()
        let workers = try await SavedLists.run(list, criteria: request.application.workerCriteria, in: work)
        let view = try await ListView.load(list, workers: workers, request: request)
        try await work.write { work in
            try await work.audit(.viewList, recordType: "list", recordID: list.id, ngoID: list.ngoID, detail: .count(workers.count, "workers"))
        }
        return request.page(list.name, view.render(request.pageContext, notice: notice))
    }
}
