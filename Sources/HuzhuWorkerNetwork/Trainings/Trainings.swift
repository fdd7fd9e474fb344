import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import SQLKit

/// A new training of an office, as typed: on a day from a start to an end (Beijing time), not in the past.
struct CreateTraining: Sendable {
    var officeID: UUID?
    var kind: String
    var title: String
    var day: String
    var start: String
    var end: String
    var place: String
    var trainer: String
    var language: String
    var capacity: String
    var waitingList: Bool

    init(form: [String: String]) {
        officeID = form["office"].flatMap(UUID.init(uuidString:))
        kind = form["training_kind"] ?? ""
        title = form["training_title"] ?? ""
        day = form["day"] ?? ""
        start = form["starts"] ?? ""
        end = form["ends"] ?? ""
        place = form["place"] ?? ""
        trainer = form["trainer"] ?? ""
        language = form["language"] ?? ""
        capacity = form["capacity"] ?? ""
        waitingList = form["waiting_list"] == "on"
    }

    struct Checked: Sendable {
        let kind: TrainingKind
        let title: String
        let startsAt: Date
        let endsAt: Date
        let place: String
        let trainer: String
        let language: String
        let capacity: Int
    }

    func check(now: Date) throws(ValidationErrors) -> Checked {
        var errors = ValidationErrors()
        let kind = TrainingKind(rawValue: kind)
        if kind == nil { errors.add("training_kind", "error.choice_invalid") }
        func text(_ field: String, _ value: String, required: Bool, limit: Int = 200) -> String {
            let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if required && value.isEmpty { errors.add(field, "error.required") } else if value.count > limit { errors.add(field, "error.too_long") }
            return value
        }
        let title = text("training_title", title, required: true), place = text("place", place, required: true)
        let trainer = text("trainer", trainer, required: true, limit: 100), language = text("language", language, required: false, limit: 100)
        let time = /[0-2][0-9]:[0-5][0-9]/
        let date = CalendarDate(iso: day)
        if date == nil { errors.add("day", "error.date_format") }
        if start.wholeMatch(of: time) == nil { errors.add("starts", "error.time_format") }
        if end.wholeMatch(of: time) == nil { errors.add("ends", "error.time_format") }
        let capacity = Int(capacity.trimmingCharacters(in: .whitespaces))
        if capacity.map({ !(1...1000).contains($0) }) ?? true { errors.add("capacity", "error.training_capacity") }
        guard errors.isEmpty, let kind, let date, let capacity,
              let startsAt = ShanghaiTime.instant(localMinute: "\(date)T\(start)"),
              let endsAt = ShanghaiTime.instant(localMinute: "\(date)T\(end)") else {
            if errors.isEmpty { errors.add("starts", "error.time_format") }
            throw errors
        }
        if endsAt <= startsAt { errors.add("ends", "error.training_ends_before_start") }
        if startsAt <= now { errors.add("day", "error.training_in_past") }
        try errors.throwIfAny()
        return Checked(kind: kind, title: title, startsAt: startsAt, endsAt: endsAt, place: place, trainer: trainer,
                       language: language, capacity: capacity)
    }
}

enum Trainings {
    static func create(_ command: CreateTraining, in work: WorkContext) async throws -> Training {
        let checked = try command.check(now: work.now)
        let office = try await work.organisedOffice(command.officeID)
        let training = Training()
        training.ngoID = office.ngoID
        training.officeID = office.id!
        training.kind = checked.kind
        training.title = checked.title
        training.startsAt = checked.startsAt
        training.endsAt = checked.endsAt
        training.place = checked.place
        training.trainer = checked.trainer
        training.language = checked.language
        training.capacity = checked.capacity
        training.taken = 0
        training.waitingList = command.waitingList
        training.signupToken = UUID()
        training.createdBy = work.actor.userID
        training.createdAt = work.now
        try await work.write { work in
            try await training.create(on: work.db)
            try await work.audit(.createTraining, recordType: "training", recordID: training.id, ngoID: training.ngoID)
        }
        return training
    }

    /// Registers a person before the training ends: a place while one is free (of two registrations for
    /// the last place one gets it), else a turn on the waiting list if the training keeps one.
    @discardableResult
    static func register(_ person: Person, for training: Training, in work: WorkContext) async throws -> TrainingRegistration {
        try await register(person, consents: Consents(), for: training, by: Registrar(work))
    }

    /// The same, by staff or by the worker through the public link (with the consents they ticked).
    @discardableResult
    static func register(_ person: Person, consents: Consents, for training: Training, by registrar: Registrar) async throws -> TrainingRegistration {
        _ = try person.check()
        return try await enter(training, by: registrar) { registrar in
            try await person.worker(ngoID: training.ngoID, officeID: training.officeID, consents: consents, in: registrar)
        }
    }

    /// A worker on record registered by a group leader for one of their members.
    @discardableResult
    static func register(worker id: UUID, for training: Training, by registrar: Registrar) async throws -> TrainingRegistration {
        try await enter(training, by: registrar) { registrar in
            guard let worker = try await Worker.query(on: registrar.db).filter(\.$id == id).filter(\.$ngoID == training.ngoID)
                      .filter(\.$mergedInto == nil).first() else { throw HuzhuAbort.notFound }
            return worker
        }
    }

    private static func enter(_ training: Training, by registrar: Registrar,
                              worker: @escaping @Sendable (Registrar) async throws -> Worker) async throws -> TrainingRegistration {
        guard training.endsAt > registrar.now else { throw HuzhuAbort(.unprocessableEntity, "error.training_over") }
        return try await registrar.write { registrar in
            let registration = try await row(for: try await worker(registrar), training, by: registrar)
            if try await takePlace(training, on: registrar.db) {
                registration.state = .registered
            } else if training.waitingList {
                registration.state = .waiting
            } else {
                throw HuzhuAbort(.unprocessableEntity, "error.training_full")
            }
            try await registration.save(on: registrar.db)
            try await registrar.audit(.register, training: training, worker: registration.workerID)
            return registration
        }
    }

    /// Someone who came without registering, from the training's day: registered and present at once,
    /// whether or not a place was free (they are in the room).
    @discardableResult
    static func walkIn(_ person: Person, to training: Training, in work: WorkContext) async throws -> TrainingRegistration {
        _ = try person.check()
        guard training.day <= work.today else { throw HuzhuAbort(.unprocessableEntity, "error.training_not_started") }
        return try await work.write { work in
            let worker = try await person.worker(ngoID: training.ngoID, officeID: training.officeID, in: Registrar(work))
            let registration = try await row(for: worker, training, by: Registrar(work))
            try await counted(training, by: 1, on: work.db)
            registration.state = .registered
            registration.walkIn = true
            registration.attendedAt = work.now
            try await registration.save(on: work.db)
            try await work.audit(.recordAttendance, recordType: "training", recordID: training.id, ngoID: training.ngoID,
                                 detail: .record("worker", registration.workerID))
            return registration
        }
    }

    /// Gives up a registration before the training ends; a place given up goes to the first in line.
    static func cancel(_ registration: TrainingRegistration, of training: Training, in work: WorkContext) async throws {
        guard registration.state != .cancelled else { throw HuzhuAbort(.unprocessableEntity, "error.registration_cancelled") }
        guard training.endsAt > work.now, registration.attendedAt == nil else {
            throw HuzhuAbort(.unprocessableEntity, "error.training_over")
        }
        try await work.write { work in
            let held = registration.state == .registered
            registration.state = .cancelled
            try await registration.save(on: work.db)
            if held {
                let next = try await TrainingRegistration.query(on: work.db).filter(\.$trainingID == training.id!)
                    .filter(\.$state == .waiting).sort(\.$turn).first()
                if let next {
                    next.state = .registered
                    try await next.save(on: work.db)
                } else {
                    try await counted(training, by: -1, on: work.db)
                }
            }
            try await work.audit(.register, recordType: "training", recordID: training.id, ngoID: training.ngoID,
                                 detail: .record("worker", registration.workerID))
        }
    }

    /// The roll call: marks a registered (or waiting) person present, or not, from the training's day.
    static func attend(_ registration: TrainingRegistration, of training: Training, present: Bool, in work: WorkContext) async throws {
        guard training.day <= work.today else { throw HuzhuAbort(.unprocessableEntity, "error.training_not_started") }
        guard registration.state != .cancelled else { throw HuzhuAbort(.unprocessableEntity, "error.registration_cancelled") }
        try await work.write { work in
            if present && registration.state == .waiting {
                try await counted(training, by: 1, on: work.db)
                registration.state = .registered
            }
            registration.attendedAt = present ? (registration.attendedAt ?? work.now) : nil
            try await registration.save(on: work.db)
            try await work.audit(.recordAttendance, recordType: "training", recordID: training.id, ngoID: training.ngoID,
                                 detail: .record("worker", registration.workerID))
        }
    }

    /// The person's registration row for the training: new, or their cancelled one taken back.
    private static func row(for worker: Worker, _ training: Training, by registrar: Registrar) async throws -> TrainingRegistration {
        let registration = try await TrainingRegistration.query(on: registrar.db).filter(\.$trainingID == training.id!)
            .filter(\.$workerID == worker.id!).first() ?? TrainingRegistration()
        if registration.id != nil && registration.state != .cancelled {
            throw ValidationErrors([FieldError("phone", "error.already_registered")])
        }
        registration.ngoID = training.ngoID
        registration.officeID = training.officeID
        registration.trainingID = training.id!
        registration.workerID = worker.id!
        registration.registeredBy = registrar.userID
        registration.registeredAt = registrar.now
        registration.turn = (try await TrainingRegistration.query(on: registrar.db).filter(\.$trainingID == training.id!).max(\.$turn) ?? 0) + 1
        registration.attendedAt = nil
        registration.walkIn = false
        return registration
    }

    /// Takes a place while one is free, in one statement (PostgreSQL re-reads the row after a concurrent
    /// taker commits; SQLite has one writer).
    private static func takePlace(_ training: Training, on db: any Database) async throws -> Bool {
        let taken = try await (db as! any SQLDatabase).raw("""
            UPDATE trainings SET taken = taken + 1 WHERE id = \(bind: training.id!) AND taken < capacity RETURNING id
            """).all()
        return !taken.isEmpty
    }

    private static func counted(_ training: Training, by change: Int, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("UPDATE trainings SET taken = taken + \(bind: change) WHERE id = \(bind: training.id!)").run()
    }
}
