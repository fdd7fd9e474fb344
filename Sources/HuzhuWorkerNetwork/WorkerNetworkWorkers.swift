import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Plot
import SQLKit
import Vapor

/// What the worker network adds to a worker: their groups and trainings on their page, moving them along
/// when workers are merged, and its part of their data under PIPL.
enum WorkerNetworkWorkers {
    static let section: WorkerSection = { request, worker in
        let visibility = try request.visibility(.organiseWorkers)
        guard visibility != .nothing else { return nil }
        let id = try worker.requireID()
        let members = try await GroupMember.query(on: request.db).filter(\.$workerID == id).visible(visibility).all()
        let registrations = try await TrainingRegistration.query(on: request.db).filter(\.$workerID == id).visible(visibility).all()
        let cipher = request.application.fieldCipher
        let phones = try await WorkerStore(db: request.db, cipher: cipher).phones(of: [id])[id] ?? []
        let optedOut = try await !OptOuts.out(phones.map(\.digits), db: request.db, cipher: cipher).isEmpty
        let groups = try await WorkerGroup.query(on: request.db).filter(\.$id ~~ members.map(\.groupID)).all()
        let trainings = try await Training.query(on: request.db).filter(\.$id ~~ registrations.map(\.trainingID)).all()
        let t = request.t
        return .section(.class("card"), .id("network"), .h2(.text(t("groups.worker_section"))),
            .p(.text(t(optedOut ? "sms.worker_opted_out" : worker.consentSMSOn == nil ? "sms.worker_no_consent" : "sms.worker_reachable"))),
            .if(!optedOut && worker.consentSMSOn != nil, MessagesController.form(.worker, id, request.pageContext)),
            .ul(.forEach(members) { member in
                let group = groups.first { $0.id == member.groupID }
                return .li(.a(.href(WorkerNetworkRoute.group(.of(member.groupID)).path), .text(group?.name ?? "")),
                           .text(" · " + GroupView.tenure(member, t)))
            }),
            .ul(.forEach(registrations) { registration in
                let training = trainings.first { $0.id == registration.trainingID }
                return .li(.a(.href(WorkerNetworkRoute.training(.of(registration.trainingID)).path), .text(training?.title ?? "")),
                           .text(" · " + (training.map { ShanghaiTime.date($0.startsAt, in: t.language) } ?? "") + " · "
                                 + t(registration.attendedAt != nil ? "trainings.attended" : "registration_state.\(registration.state.rawValue)")))
            }))
    }

    /// Finding workers by the trainings they attended, or did not.
    static let criterion = WorkerCriterion(field: "trained", choices: [("yes", "search.trained.yes"), ("no", "search.trained.no")]) { value, ngoID in
        let attended: SQLQueryString = "SELECT r.worker_id FROM training_registrations r WHERE r.ngo_id = \(bind: ngoID) AND r.attended_at IS NOT NULL"
        switch value {
        case "yes": return attended
        case "no": return "SELECT w2.id FROM workers w2 WHERE w2.ngo_id = \(bind: ngoID) AND w2.id NOT IN (\(attended))"
        default: return nil
        }
    }

    /// The merged workers' memberships and registrations move to the survivor; where the survivor is
    /// already in the group or registered, theirs stays (a leader's role and a presence carried over).
    static let merge: MergeStep = { merged, survivor, db in
        let present = try await GroupMember.query(on: db).filter(\.$workerID == survivor).all()
        for member in try await GroupMember.query(on: db).filter(\.$workerID ~~ merged).all() {
            if let kept = present.first(where: { $0.groupID == member.groupID }) {
                kept.leader = kept.leader || member.leader
                try await kept.save(on: db)
                try await member.delete(on: db)
            } else {
                member.workerID = survivor
                try await member.save(on: db)
            }
        }
        let registered = try await TrainingRegistration.query(on: db).filter(\.$workerID == survivor).all()
        for registration in try await TrainingRegistration.query(on: db).filter(\.$workerID ~~ merged).all() {
            guard let kept = registered.first(where: { $0.trainingID == registration.trainingID }) else {
                registration.workerID = survivor
                try await registration.save(on: db)
                continue
            }
            kept.attendedAt = kept.attendedAt ?? registration.attendedAt
            if kept.state == .cancelled || (kept.state == .waiting && registration.state == .registered) {
                kept.state = registration.state
            } else if registration.state == .registered {
                // Both held a place for one person: one is given back.
                try await (db as! any SQLDatabase).raw("UPDATE trainings SET taken = taken - 1 WHERE id = \(bind: registration.trainingID)").run()
            }
            try await kept.save(on: db)
            try await registration.delete(on: db)
        }
    }

    static let part = WorkerDataPart(section: "worker_network", export: export, anonymise: { _, _, _, _ in }, activeSince: activeSince)

    /// Their groups (joined, left, leader) and trainings (when, and whether they came).
    static func export(_ worker: Worker, _ cipher: FieldCipher, _ db: any Database) async throws -> WorkerDataPart.Records {
        let id = try worker.requireID()
        var records: [[String: String]] = []
        let members = try await GroupMember.query(on: db).filter(\.$workerID == id).all()
        let groups = try await WorkerGroup.query(on: db).filter(\.$id ~~ members.map(\.groupID)).all()
        for member in members {
            var record = ["group": groups.first { $0.id == member.groupID }?.name ?? "", "joined_on": member.joinedOn.description,
                          "leader": String(member.leader)]
            if let left = member.leftOn { record["left_on"] = left.description }
            records.append(record)
        }
        let registrations = try await TrainingRegistration.query(on: db).filter(\.$workerID == id).all()
        let trainings = try await Training.query(on: db).filter(\.$id ~~ registrations.map(\.trainingID)).all()
        for registration in registrations {
            let training = trainings.first { $0.id == registration.trainingID }
            records.append(["training": training?.title ?? "", "on": training.map { CalendarDate($0.startsAt).description } ?? "",
                            "state": registration.state.rawValue, "attended": String(registration.attendedAt != nil)])
        }
        return records
    }

    /// Those still in a group, or registered for a training since the cutoff.
    static func activeSince(_ workerIDs: [UUID], _ cutoff: Date, _ db: any Database) async throws -> Set<UUID> {
        let members = try await GroupMember.query(on: db).filter(\.$workerID ~~ workerIDs).filter(\.$leftOn == nil).all().map(\.workerID)
        let registered = try await TrainingRegistration.query(on: db).filter(\.$workerID ~~ workerIDs).filter(\.$registeredAt >= cutoff).all()
            .map(\.workerID)
        return Set(members + registered)
    }
}
