import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// An office's groups: the list with the form for a new one, and one group's page with its members and
/// leaders, where people are added, leave, or lead.
enum GroupsController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(WorkerNetworkRoute.groups) { try await list($0, errors: ValidationErrors(), typed: [:]) }
        routes.post(WorkerNetworkRoute.groups, use: create)
        routes.get(WorkerNetworkRoute.group(.parameter)) { try await show($0, errors: ValidationErrors(), typed: [:]) }
        routes.post(WorkerNetworkRoute.groupMembers(.parameter), use: add)
        routes.post(WorkerNetworkRoute.memberLeave(.parameter)) { request in
            let work = try request.workContext()
            let member = try await work.organised(GroupMember.self, try request.routeID())
            try await Groups.leave(member, in: work)
            return request.redirect(to: WorkerNetworkRoute.group(.of(member.groupID)).path)
        }
        routes.post(WorkerNetworkRoute.memberLogin(.parameter)) { request in
            let work = try request.workContext()
            let member = try await work.organised(GroupMember.self, try request.routeID())
            try await Groups.link(member, login: request.typedForm["user"].flatMap(UUID.init(uuidString:)), in: work)
            return request.redirect(to: WorkerNetworkRoute.group(.of(member.groupID)).path)
        }
        routes.post(WorkerNetworkRoute.memberLeader(.parameter)) { request in
            let work = try request.workContext()
            let member = try await work.organised(GroupMember.self, try request.routeID())
            try await Groups.lead(member, request.typedForm["leader"] == "on", in: work)
            return request.redirect(to: WorkerNetworkRoute.group(.of(member.groupID)).path)
        }
    }

    /// The offices whose network the signed-in person organises.
    static func offices(_ request: Request) async throws -> [Office] {
        try await Office.query(on: request.db).visible(try request.tenant()).sort(\.$name).all()
            .filter { request.may(.organiseWorkers, in: .office(ngo: $0.ngoID, office: $0.id!)) }
    }

    static func list(_ request: Request, errors: ValidationErrors, typed: [String: String],
                     status: HTTPResponseStatus = .ok) async throws -> Response {
        try request.workContext().organisesWorkers()
        let t = request.t
        let groups = try await WorkerGroup.query(on: request.db).visible(try request.visibility(.organiseWorkers)).sort(\.$name).all()
        let counts = Dictionary(grouping: try await GroupMember.query(on: request.db).filter(\.$groupID ~~ groups.compactMap(\.id))
            .filter(\.$leftOn == nil).all(), by: \.groupID)
        let offices = try await offices(request)
        let names = Dictionary(uniqueKeysWithValues: offices.map { ($0.id!, $0.name) })
        return request.page(t("groups.title"), status: status, .group(
            .nav(.class("subnav"), .a(.href(WorkerNetworkRoute.trainings.path), .text(t("trainings.title")))),
            .table(.class("stack"),
                .thead(.tr(.th(.text(t("field.name"))), .th(.text(t("field.site"))), .th(.text(t("field.office"))), .th(.text(t("groups.members"))))),
                .tbody(.forEach(groups) { group in
                    let members = counts[group.id!] ?? []
                    return .tr(.td(.attribute(named: "data-label", value: t("field.name")),
                                   .a(.href(WorkerNetworkRoute.group(.of(group.id!)).path), .text(group.name))),
                               .td(.attribute(named: "data-label", value: t("field.site")), .text(group.site)),
                               .td(.attribute(named: "data-label", value: t("field.office")), .text(names[group.officeID] ?? "")),
                               .td(.attribute(named: "data-label", value: t("groups.members")),
                                   .text(t("groups.member_count", String(members.count), String(members.filter(\.leader).count))),
                                   .unwrap(GroupSize.warning(members.count)) { .span(.class("warning"), .text(" · " + t($0))) }))
                })),
            .if(groups.isEmpty, .p(.class("empty"), .text(t("groups.empty")))),
            Forms.action(t("groups.new"), open: !errors.isEmpty, WorkerNetworkRoute.groups.path, request.pageContext,
                Forms.errorSummary(errors, t),
                Forms.select("office", options: offices.map { ($0.id!.uuidString, $0.name) },
                             selected: typed["office"] ?? request.actor?.officeID?.uuidString, errors: errors, t),
                Forms.text("name", value: typed["name"], errors: errors, t),
                Forms.text("site", value: typed["site"], errors: errors, t, required: false, hint: t("groups.site_hint")),
                Forms.submit(t("groups.new")))))
    }

    static func create(_ request: Request) async throws -> Response {
        let typed = request.typedForm
        do {
            let group = try await Groups.create(CreateGroup(form: typed), in: try request.workContext())
            return request.redirect(to: WorkerNetworkRoute.group(.of(group.id!)).path)
        } catch let errors as ValidationErrors {
            return try await list(request, errors: errors, typed: typed, status: .unprocessableEntity)
        }
    }

    static func show(_ request: Request, errors: ValidationErrors, typed: [String: String],
                     status: HTTPResponseStatus = .ok) async throws -> Response {
        let work = try request.workContext()
        let group = try await work.organised(WorkerGroup.self, try request.routeID())
        let view = try await GroupView.load(group, request: request)
        try await work.write { work in
            try await work.audit(.viewGroup, recordType: "group", recordID: group.id, ngoID: group.ngoID)
        }
        return request.page(group.name, status: status, view.render(request.pageContext, errors: errors, typed: typed))
    }

    static func add(_ request: Request) async throws -> Response {
        let work = try request.workContext()
        let group = try await work.organised(WorkerGroup.self, try request.routeID())
        let typed = request.typedForm
        do {
            try await Groups.add(Person(form: typed), leader: typed["leader"] == "on", consents: Consents(form: typed),
                                 leaderMayContact: typed["leader_may_contact"] == "on", to: group, in: work)
            return request.redirect(to: WorkerNetworkRoute.group(.of(group.id!)).path)
        } catch let errors as ValidationErrors {
            return try await show(request, errors: errors, typed: typed, status: .unprocessableEntity)
        }
    }
}
