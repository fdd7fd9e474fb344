import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// One group's page, as a view value: its members (present first, leaders first) with their masked
/// phones, and the forms that add, lead and let go.
struct GroupView {
    struct Row {
        let member: GroupMember
        let name: String
        let phone: String
    }

    let group: WorkerGroup
    let officeName: String
    let rows: [Row]
    /// The NGO's group-leader logins, and which worker each is linked to.
    let logins: [User]
    let links: [UUID: UUID]

    static func load(_ group: WorkerGroup, request: Request) async throws -> GroupView {
        let db = request.db
        let cipher = request.application.fieldCipher
        let members = try await GroupMember.query(on: db).filter(\.$groupID == group.id!).all()
        let workers = Dictionary(uniqueKeysWithValues: try await Worker.query(on: db).filter(\.$id ~~ members.map(\.workerID)).all()
            .map { ($0.id!, $0) })
        let phones = try await WorkerStore(db: db, cipher: cipher).phones(of: members.map(\.workerID))
        let rows = try members.map { member in
            Row(member: member, name: try workers[member.workerID]?.openName(cipher) ?? "",
                phone: phones[member.workerID]?.first?.masked ?? "")
        }.sorted { ($0.member.leftOn == nil ? 0 : 1, $0.member.leader ? 0 : 1, $0.name) < ($1.member.leftOn == nil ? 0 : 1, $1.member.leader ? 0 : 1, $1.name) }
        let logins = try await User.query(on: db).filter(\.$ngoID == group.ngoID).filter(\.$role == .groupLeader)
            .filter(\.$active == true).sort(\.$displayName).all()
        let links = try await LeaderLogin.query(on: db).filter(\.$ngoID == group.ngoID).all()
        return GroupView(group: group, officeName: try await Office.find(group.officeID, on: db)?.name ?? "", rows: rows, logins: logins,
                         links: Dictionary(links.map { ($0.workerID, $0.userID) }) { first, _ in first })
    }

    /// When a member joined, and left or leads.
    static func tenure(_ member: GroupMember, _ t: Localizer) -> String {
        if let left = member.leftOn { return t("groups.left", member.joinedOn.description, left.description) }
        return t("groups.joined", member.joinedOn.description) + (member.leader ? " · " + t("groups.leader") : "")
    }

    func render(_ page: PageContext, errors: ValidationErrors, typed: [String: String]) -> Node<HTML.BodyContext> {
        let t = page.t
        let present = rows.filter { $0.member.leftOn == nil }
        return .group(
            .nav(.class("subnav"), .a(.href(WorkerNetworkRoute.groups.path), .text(t("groups.title"))), .text(" · "),
                 .a(.href(WorkerNetworkRoute.messages.path), .text(t("sms.title")))),
            .p(.text([officeName, group.site].filter { !$0.isEmpty }.joined(separator: " · ")),
               .text(" · " + t("groups.member_count", String(present.count), String(present.filter(\.member.leader).count)))),
            .unwrap(GroupSize.warning(present.count)) { .p(.class("notice"), .text(t($0))) },
            MessagesController.form(.group, group.id!, page),
            Forms.action(t("groups.add_member"), open: !errors.isEmpty, WorkerNetworkRoute.groupMembers(.of(group.id!)).path, page,
                Forms.errorSummary(errors, t),
                Forms.text("full_name", value: typed["full_name"], errors: errors, t, hint: t("groups.known_by_phone")),
                Forms.text("phone", value: typed["phone"], errors: errors, t, type: .tel),
                Forms.checkbox("leader", checked: typed["leader"] == "on", t),
                Forms.checkbox("consent_sms", checked: typed["consent_sms"] == "on", t),
                Forms.checkbox("leader_may_contact", checked: typed["leader_may_contact"] == "on", t),
                Forms.submit(t("groups.add_member"))),
            .table(.class("stack"),
                .thead(.tr(.th(.text(t("field.name"))), .th(.text(t("field.phone"))), .th(.text(t("groups.membership"))), .th(.text(t("list.actions"))))),
                .tbody(.forEach(rows) { row in
                    let id = RouteID.of(row.member.id!)
                    return .tr(.td(.attribute(named: "data-label", value: t("field.name")),
                                   .a(.href(IntakeRoute.worker(.of(row.member.workerID)).path), .text(row.name))),
                               .td(.attribute(named: "data-label", value: t("field.phone")), .text(row.phone)),
                               .td(.attribute(named: "data-label", value: t("groups.membership")), .text(Self.tenure(row.member, t)),
                                   .if(row.member.leftOn == nil && !row.member.leaderMayContact, .text(" · " + t("groups.leader_may_not_contact")))),
                               .td(.attribute(named: "data-label", value: t("list.actions")),
                                   .if(row.member.leftOn == nil, .group(
                                       Forms.post(WorkerNetworkRoute.memberLeader(id).path, page,
                                                  Forms.hidden("leader", row.member.leader ? "off" : "on"),
                                                  Forms.submit(t(row.member.leader ? "groups.unmake_leader" : "groups.make_leader"))),
                                       .if(row.member.leader && !logins.isEmpty, Forms.post(WorkerNetworkRoute.memberLogin(id).path, page,
                                           Forms.select("user", options: logins.map { ($0.id!.uuidString, "\($0.displayName) (\($0.login))") },
                                                        selected: links[row.member.workerID]?.uuidString, errors: ValidationErrors(), t, required: false,
                                                        instance: row.member.id!.uuidString.lowercased()),
                                           Forms.submit(t("groups.link_login")))),
                                       Forms.post(WorkerNetworkRoute.memberLeave(id).path, page,
                                                  .button(.type(.submit), .class("link"), .text(t("groups.leave"))))))))
                })),
            .if(rows.isEmpty, .p(.class("empty"), .text(t("groups.no_members")))))
    }
}
