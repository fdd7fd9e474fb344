import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Vapor

/// `/api/v1/workers`, `/api/v1/lookup` and `/api/v1/callbacks`.
enum WorkersAPI {
    struct LookupJSON: Content {
        struct CallbackJSON: Content {
            let id: UUID
            let reason: Callback.Reason
            let due_at: Date
            let attempts: Int
        }
        struct WorkerCardJSON: Content {
            let id: UUID
            let name: String
            let phones: [String]
        }
        let phone: String
        let workers: [WorkerCardJSON]
        let history: [ContactLineJSON]
        let open_callbacks: [CallbackJSON]
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(IntakeRoute.apiWorkers, use: list)
        routes.post(IntakeRoute.apiWorkers, use: create)
        routes.get(IntakeRoute.apiWorker(.parameter), use: show)
        routes.get(IntakeRoute.apiLookup, use: lookup)
        routes.get(IntakeRoute.apiCallbacks, use: callbacks)
    }

    static func list(_ request: Request) async throws -> APIPage<WorkerJSON> {
        let actor = try request.requireActor()
        try request.authorize(.readWorkers, in: actor.ngoID.map { .ngo($0) } ?? .network)
        let page = try await WorkerList.load(try request.query.decode(WorkerFilter.self), ngoID: actor.ngoID,
                                             today: request.today, cipher: request.application.fieldCipher, on: request.db)
        return APIPage(items: page.rows.map { row in
            WorkerJSON(row.worker, name: row.name, notes: nil, phones: row.maskedPhones, idNumber: row.worker.idCipher == nil ? nil : "******")
        }, next: page.next)
    }

    static func show(_ request: Request) async throws -> WorkerJSON {
        let worker = try await request.findWorker()
        let reveal = request.query[Bool.self, at: "reveal"] == true
        if reveal { try request.authorize(.revealIdentifiers, in: .ngo(worker.ngoID)) }
        try await request.audit(reveal ? .revealIdentifiers : .viewWorker, recordType: "worker", recordID: worker.id,
                                ngoID: worker.ngoID)
        let store = WorkerStore(db: request.db, cipher: request.application.fieldCipher)
        let phones = try await store.phones(of: [worker.id!])[worker.id!] ?? []
        return WorkerJSON(worker, name: try worker.openName(store.cipher), notes: try worker.openNotes(store.cipher), phones: phones.map { reveal ? $0.digits : $0.masked },
                          idNumber: try store.idNumber(of: worker).map { reveal ? $0 : ResidentID.mask($0) })
    }

    static func create(_ request: Request) async throws -> Response {
        try await DuplicateAnswer.stoppingAtKnownWorkers(request) {
            let (worker, values) = try await Intake.enrol(try request.content.decode(WorkerInput.self).command, in: try request.workContext())
            let response = Response(status: .created)
            response.headers.replaceOrAdd(name: .location, value: IntakeRoute.apiWorker(.of(worker.id!)).path)
            try response.content.encode(WorkerJSON(worker, name: values.name, notes: values.notes, phones: values.phones.map(\.masked),
                                                   idNumber: values.idNumber?.masked))
            return response
        }
    }

    /// The screen-pop as data: who has this number, their history, their open callbacks.
    static func lookup(_ request: Request) async throws -> LookupJSON {
        let actor = try request.inOwnOffice(.recordContacts)
        guard let raw = request.query[String.self, at: "phone"] else { throw ValidationErrors([FieldError("phone", "error.required")]) }
        let phone: PhoneNumber
        do { phone = try PhoneNumber(raw) } catch { throw ValidationErrors([error]) }
        let found = try await PhoneLookup.find(phone, ngoID: actor.ngoID, language: request.language,
                                               cipher: request.application.fieldCipher, mayReadFully: request.mayRead,
                                               on: request.db)
        for worker in found.workers {
            try await request.audit(.viewWorker, recordType: "worker", recordID: worker.id, ngoID: actor.ngoID, detail: AuditDetail("phone lookup"))
        }
        return LookupJSON(
            phone: phone.masked,
            workers: found.workers.map { .init(id: $0.id, name: $0.name, phones: $0.maskedPhones) },
            history: found.history.map(ContactLineJSON.init),
            open_callbacks: found.openCallbacks.map { .init(id: $0.id, reason: $0.reason, due_at: $0.dueAt, attempts: $0.attempts) })
    }

    /// The open callbacks of the caller's office, oldest due first.
    static func callbacks(_ request: Request) async throws -> [LookupJSON.CallbackJSON] {
        let actor = try request.inOwnOffice(.workCallbacks)
        return try await Callback.query(on: request.db).filter(\.$officeID == actor.officeID).filter(\.$status == .open)
            .sort(\.$dueAt).limit(500).all()
            .map { .init(id: $0.id!, reason: $0.reason, due_at: $0.dueAt, attempts: $0.attempts) }
    }
}
