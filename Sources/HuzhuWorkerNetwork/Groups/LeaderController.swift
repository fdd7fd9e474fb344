import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Plot
import Vapor

/// A group leader's page, on their phone: the groups their worker record leads, with the members who
/// agreed to be reached by their leader (name and phone), the trainings open to them, and the texts the
/// office sent to the group; they register a member for a training. No other worker's record, contact or
/// case is theirs to see.
enum LeaderController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(WorkerNetworkRoute.myGroups) { try await page($0, errors: ValidationErrors()) }
        routes.post(WorkerNetworkRoute.myRegistrations(.parameter), use: registerMember)
    }

    /// What the signed-in leader leads: their link and their present leaderships.
    struct Leading {
        let link: LeaderLogin?
        let groups: [WorkerGroup]
        /// Members (present) who agreed to be reached by their leader, by group.
        let members: [UUID: [GroupMember]]
    }

    static func leading(_ request: Request) async throws -> Leading {
        let actor = try request.requireActor()
        try request.authorize(.leadGroups, in: Policy.ownScope(of: actor))
        guard let link = try await LeaderLogin.query(on: request.db).filter(\.$userID == actor.userID).first() else {
            return Leading(link: nil, groups: [], members: [:])
        }
        let leads = try await GroupMember.query(on: request.db).filter(\.$workerID == link.workerID).filter(\.$leader == true)
            .filter(\.$leftOn == nil).filter(\.$ngoID == link.ngoID).all()
        let groups = try await WorkerGroup.query(on: request.db).filter(\.$id ~~ leads.map(\.groupID)).sort(\.$name).all()
        let members = try await GroupMember.query(on: request.db).filter(\.$groupID ~~ groups.compactMap(\.id)).filter(\.$leftOn == nil)
            .filter(\.$leaderMayContact == true).all()
        return Leading(link: link, groups: groups, members: Dictionary(grouping: members, by: \.groupID))
    }

    static func page(_ request: Request, errors: ValidationErrors, status: HTTPResponseStatus = .ok) async throws -> Response {
        let leading = try await leading(request)
        let t = request.t
        guard let link = leading.link else {
            return request.page(t("my_groups.title"), .p(.class("empty"), .text(t("my_groups.not_linked"))))
        }
        let cipher = request.application.fieldCipher
        let everyone = leading.members.values.flatMap { $0 }
        let workers = Dictionary(uniqueKeysWithValues: try await Worker.query(on: request.db).filter(\.$id ~~ everyone.map(\.workerID)).all()
            .map { ($0.id!, $0) })
        let phones = try await WorkerStore(db: request.db, cipher: cipher).phones(of: everyone.map(\.workerID))
        func name(_ member: GroupMember) -> String { (try? workers[member.workerID]?.openName(cipher)) ?? "" }
        let now = request.application.clock.now()
        let trainings = try await Training.query(on: request.db).filter(\.$ngoID == link.ngoID).filter(\.$endsAt > now)
            .sort(\.$startsAt).limit(20).all()
        let messages = try await SMSMessage.query(on: request.db).filter(\.$audience == .group)
            .filter(\.$audienceID ~~ leading.groups.compactMap(\.id)).sort(\.$createdAt, .descending).limit(20).all()
        let choices = everyone.map { ($0.workerID.uuidString, name($0)) }.sorted { $0.1 < $1.1 }
        try await request.db.write { db in
            for group in leading.groups {
                try await AuditEvent.record(.viewGroup, by: request.auditSource, at: now, recordType: "group", recordID: group.id,
                                            ngoID: group.ngoID, on: db)
            }
        }
        return request.page(t("my_groups.title"), status: status, .group(
            Forms.errorSummary(errors, t),
            .if(leading.groups.isEmpty, .p(.class("empty"), .text(t("my_groups.none")))),
            .forEach(leading.groups) { group in
                let members = (leading.members[group.id!] ?? []).sorted { name($0) < name($1) }
                return .section(.class("card"), .h2(.text(group.name)),
                    .if(!group.site.isEmpty, .p(.text(group.site))),
                    .ul(.forEach(members) { member in
                        .li(.text(name(member) + " · "),
                            .unwrap(phones[member.workerID]?.first) { .a(.href("tel:\($0.digits)"), .text($0.digits)) })
                    }),
                    .if(members.isEmpty, .p(.class("empty"), .text(t("my_groups.nobody_to_reach")))))
            },
            .h2(.text(t("my_groups.trainings"))),
            .if(trainings.isEmpty, .p(.class("empty"), .text(t("trainings.none_coming")))),
            .ul(.forEach(trainings) { training in
                .li(.strong(.text(training.title)), .text(" · " + TrainingView.when(training, t) + " · " + training.place
                                                        + " · \(training.taken)/\(training.capacity)"),
                    .if(!choices.isEmpty, Forms.post(WorkerNetworkRoute.myRegistrations(.of(training.id!)).path, request.pageContext,
                        Forms.select("member", options: choices, selected: nil, errors: errors, t, instance: training.id!.uuidString.lowercased()),
                        Forms.submit(t("my_groups.register")))))
            }),
            .h2(.text(t("my_groups.messages"))),
            .if(messages.isEmpty, .p(.class("empty"), .text(t("sms.none")))),
            .ul(.forEach(messages) { message in
                .li(.text(ShanghaiTime.dateTime(message.createdAt, in: t.language) + " · " + ((try? message.openText(cipher)) ?? "")))
            })))
    }

    /// Registers one of the leader's reachable members for a training of the NGO still to come.
    static func registerMember(_ request: Request) async throws -> Response {
        let leading = try await leading(request)
        guard let link = leading.link,
              let training = try await Training.query(on: request.db).filter(\.$id == (try request.routeID()))
                  .filter(\.$ngoID == link.ngoID).first() else { throw HuzhuAbort.notFound }
        let chosen = request.typedForm["member"].flatMap(UUID.init(uuidString:))
        guard let worker = chosen, leading.members.values.contains(where: { $0.contains { $0.workerID == worker } }) else {
            return try await page(request, errors: ValidationErrors([FieldError("member", "error.choice_invalid")]), status: .unprocessableEntity)
        }
        let registrar = Registrar(db: request.db, cipher: request.application.fieldCipher, now: request.application.clock.now(),
                                  source: request.auditSource)
        do {
            try await Trainings.register(worker: worker, for: training, by: registrar)
        } catch let errors as ValidationErrors {
            return try await page(request, errors: errors, status: .unprocessableEntity)
        }
        return request.redirect(to: WorkerNetworkRoute.myGroups.path)
    }
}
