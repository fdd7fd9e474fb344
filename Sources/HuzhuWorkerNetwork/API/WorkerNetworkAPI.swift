import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Vapor

/// `/api/v1/groups`, `/api/v1/trainings`, `/api/v1/registrations` and `/api/v1/messages`: the same
/// commands as the pages, for those who organise an office's worker network.
enum WorkerNetworkAPI {
    struct GroupJSON: Content {
        let id: UUID
        let office_id: UUID
        let name: String
        let site: String
        let members: Int
        let leaders: Int
    }

    struct MemberJSON: Content {
        let id: UUID
        let worker_id: UUID
        let name: String
        let leader: Bool
        let leader_may_contact: Bool
        let joined_on: CalendarDate
        let left_on: CalendarDate?
    }

    struct GroupDetailJSON: Content {
        let group: GroupJSON
        let members: [MemberJSON]
    }

    struct TrainingJSON: Content {
        let id: UUID
        let office_id: UUID
        let kind: TrainingKind
        let title: String
        let starts_at: Date
        let ends_at: Date
        let place: String
        let trainer: String
        let language: String
        let capacity: Int
        let taken: Int
        let waiting_list: Bool

        init(_ training: Training) {
            id = training.id!
            office_id = training.officeID
            kind = training.kind
            title = training.title
            starts_at = training.startsAt
            ends_at = training.endsAt
            place = training.place
            trainer = training.trainer
            language = training.language
            capacity = training.capacity
            taken = training.taken
            waiting_list = training.waitingList
        }
    }

    struct RegistrationJSON: Content {
        let id: UUID
        let training_id: UUID
        let worker_id: UUID
        let state: RegistrationState
        let attended: Bool
        let walk_in: Bool

        init(_ registration: TrainingRegistration) {
            id = registration.id!
            training_id = registration.trainingID
            worker_id = registration.workerID
            state = registration.state
            attended = registration.attendedAt != nil
            walk_in = registration.walkIn
        }
    }

    struct TrainingDetailJSON: Content {
        let training: TrainingJSON
        let registrations: [RegistrationJSON]
    }

    struct MessageJSON: Content {
        let id: UUID
        let audience: Audience
        let audience_id: UUID
        let text: String
        let segments: Int
        let created_at: Date
        let copies: [String: Int]
    }

    struct GroupInput: Content {
        let office_id: String?
        let name: String?
        let site: String?
    }

    struct MemberInput: Content {
        let full_name: String?
        let phone: String?
        let leader: Bool?
        let consent_sms: Bool?
        let leader_may_contact: Bool?
    }

    struct TrainingInput: Content {
        let office_id: String?
        let kind: String?
        let title: String?
        let day: String?
        let starts: String?
        let ends: String?
        let place: String?
        let trainer: String?
        let language: String?
        let capacity: Int?
        let waiting_list: Bool?
    }

    struct PersonInput: Content {
        let full_name: String?
        let phone: String?
    }

    struct AttendanceInput: Content {
        let present: Bool
    }

    struct MessageInput: Content {
        let audience: String?
        let audience_id: String?
        let body: String?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(WorkerNetworkAPIRoute.groups) { request -> [GroupJSON] in
            try request.workContext().organisesWorkers()
            let groups = try await WorkerGroup.query(on: request.db).visible(try request.visibility(.organiseWorkers)).sort(\.$name).limit(500).all()
            return try await groupJSON(groups, on: request.db)
        }
        routes.post(WorkerNetworkAPIRoute.groups) { request -> Response in
            let input = try request.content.decode(GroupInput.self)
            let group = try await Groups.create(CreateGroup(form: ["office": input.office_id ?? "", "name": input.name ?? "", "site": input.site ?? ""]),
                                                in: try request.workContext())
            return try created(try await groupJSON([group], on: request.db)[0])
        }
        routes.get(WorkerNetworkAPIRoute.group(.parameter)) { request -> GroupDetailJSON in
            let work = try request.workContext()
            let group = try await work.organised(WorkerGroup.self, try request.routeID())
            try await work.write { work in try await work.audit(.viewGroup, recordType: "group", recordID: group.id, ngoID: group.ngoID) }
            return try await groupDetail(group, request)
        }
        routes.post(WorkerNetworkAPIRoute.groupMembers(.parameter)) { request -> Response in
            let work = try request.workContext()
            let group = try await work.organised(WorkerGroup.self, try request.routeID())
            let input = try request.content.decode(MemberInput.self)
            var consents = Consents()
            consents.sms = input.consent_sms ?? false
            let member = try await Groups.add(Person(form: ["full_name": input.full_name ?? "", "phone": input.phone ?? ""]),
                                              leader: input.leader ?? false, consents: consents,
                                              leaderMayContact: input.leader_may_contact ?? false, to: group, in: work)
            return try created(try await groupDetail(group, request).members.first { $0.id == member.id }!)
        }
        routes.get(WorkerNetworkAPIRoute.trainings) { request -> [TrainingJSON] in
            try request.workContext().organisesWorkers()
            return try await Training.query(on: request.db).visible(try request.visibility(.organiseWorkers)).sort(\.$startsAt, .descending)
                .limit(500).all().map(TrainingJSON.init)
        }
        routes.post(WorkerNetworkAPIRoute.trainings) { request -> Response in
            let input = try request.content.decode(TrainingInput.self)
            let training = try await Trainings.create(CreateTraining(form: [
                "office": input.office_id ?? "", "training_kind": input.kind ?? "", "training_title": input.title ?? "", "day": input.day ?? "",
                "starts": input.starts ?? "", "ends": input.ends ?? "", "place": input.place ?? "", "trainer": input.trainer ?? "",
                "language": input.language ?? "", "capacity": input.capacity.map(String.init) ?? "", "waiting_list": input.waiting_list == true ? "on" : "",
            ]), in: try request.workContext())
            return try created(TrainingJSON(training))
        }
        routes.get(WorkerNetworkAPIRoute.training(.parameter)) { request -> TrainingDetailJSON in
            let work = try request.workContext()
            let training = try await work.organised(Training.self, try request.routeID())
            try await work.write { work in try await work.audit(.viewTraining, recordType: "training", recordID: training.id, ngoID: training.ngoID) }
            let registrations = try await TrainingRegistration.query(on: request.db).filter(\.$trainingID == training.id!).sort(\.$turn).all()
            return TrainingDetailJSON(training: TrainingJSON(training), registrations: registrations.map(RegistrationJSON.init))
        }
        routes.post(WorkerNetworkAPIRoute.trainingRegistrations(.parameter)) { request -> Response in
            let work = try request.workContext()
            let training = try await work.organised(Training.self, try request.routeID())
            let input = try request.content.decode(PersonInput.self)
            let registration = try await Trainings.register(Person(form: ["full_name": input.full_name ?? "", "phone": input.phone ?? ""]),
                                                            for: training, in: work)
            return try created(RegistrationJSON(registration))
        }
        routes.post(WorkerNetworkAPIRoute.attendance(.parameter)) { request -> RegistrationJSON in
            let work = try request.workContext()
            let registration = try await work.organised(TrainingRegistration.self, try request.routeID())
            guard let training = try await Training.find(registration.trainingID, on: request.db) else { throw HuzhuAbort.notFound }
            let present = try request.content.decode(AttendanceInput.self).present
            try await Trainings.attend(registration, of: training, present: present, in: work)
            return RegistrationJSON(registration)
        }
        routes.get(WorkerNetworkAPIRoute.messages) { request -> [MessageJSON] in
            try request.workContext().organisesWorkers()
            let messages = try await SMSMessage.query(on: request.db).visible(try request.visibility(.organiseWorkers))
                .sort(\.$createdAt, .descending).limit(200).all()
            let counts = try await MessageView.counts(messages.compactMap(\.id), on: request.db)
            return try messages.map { try messageJSON($0, counts[$0.id!] ?? [:], request.application.fieldCipher) }
        }
        routes.post(WorkerNetworkAPIRoute.messages) { request -> Response in
            let input = try request.content.decode(MessageInput.self)
            let message = try await Messages.send(ComposeMessage(form: ["audience": input.audience ?? "", "audience_id": input.audience_id ?? "",
                                                                        "body": input.body ?? ""]),
                                                  criteria: request.application.workerCriteria, in: try request.workContext())
            let counts = try await MessageView.counts([message.id!], on: request.db)
            return try created(try messageJSON(message, counts[message.id!] ?? [:], request.application.fieldCipher))
        }
        routes.get(WorkerNetworkAPIRoute.message(.parameter)) { request -> MessageJSON in
            let work = try request.workContext()
            let message = try await work.organised(SMSMessage.self, try request.routeID())
            try await work.write { work in try await work.audit(.viewMessage, recordType: "sms", recordID: message.id, ngoID: message.ngoID) }
            return try messageJSON(message, try await MessageView.counts([message.id!], on: request.db)[message.id!] ?? [:],
                                   request.application.fieldCipher)
        }
    }

    private static func created(_ body: some Content) throws -> Response {
        let response = Response(status: .created)
        try response.content.encode(body)
        return response
    }

    private static func groupJSON(_ groups: [WorkerGroup], on db: any Database) async throws -> [GroupJSON] {
        let present = Dictionary(grouping: try await GroupMember.query(on: db).filter(\.$groupID ~~ groups.compactMap(\.id))
            .filter(\.$leftOn == nil).all(), by: \.groupID)
        return groups.map { group in
            let members = present[group.id!] ?? []
            return GroupJSON(id: group.id!, office_id: group.officeID, name: group.name, site: group.site, members: members.count,
                             leaders: members.filter(\.leader).count)
        }
    }

    private static func groupDetail(_ group: WorkerGroup, _ request: Request) async throws -> GroupDetailJSON {
        let view = try await GroupView.load(group, request: request)
        return GroupDetailJSON(group: try await groupJSON([group], on: request.db)[0], members: view.rows.map { row in
            MemberJSON(id: row.member.id!, worker_id: row.member.workerID, name: row.name, leader: row.member.leader,
                       leader_may_contact: row.member.leaderMayContact, joined_on: row.member.joinedOn, left_on: row.member.leftOn)
        })
    }

    private static func messageJSON(_ message: SMSMessage, _ counts: [SMSState: Int], _ cipher: FieldCipher) throws -> MessageJSON {
        MessageJSON(id: message.id!, audience: message.audience, audience_id: message.audienceID, text: try message.openText(cipher),
                    segments: message.segments,
                    created_at: message.createdAt, copies: Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }))
    }
}
