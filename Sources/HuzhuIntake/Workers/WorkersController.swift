import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot
import Vapor

/// Worker records: the list and search, one worker's page (a read that is audited), the reveal of
/// their full phone and ID numbers (audited), and the edit form.
enum WorkersController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(IntakeRoute.workers, use: list)
        routes.get(IntakeRoute.worker(.parameter)) { request async throws -> Response in
            try await show(request, revealed: false)
        }
        routes.post(IntakeRoute.revealWorker(.parameter)) { request async throws -> Response in
            try await show(request, revealed: true)
        }
        routes.get(IntakeRoute.editWorker(.parameter), use: edit)
        routes.post(IntakeRoute.editWorker(.parameter), use: update)
    }

    static func list(_ request: Request) async throws -> Response {
        let actor = try request.requireActor()
        try request.authorize(.readWorkers, in: actor.ngoID.map { .ngo($0) } ?? .network)
        let filter = try request.query.decode(WorkerFilter.self)
        let page = try await WorkerList.load(filter, ngoID: actor.ngoID, today: request.today,
                                             cipher: request.application.fieldCipher, on: request.db)
        var tools: [(path: String, titleKey: String)] = []
        if let ngo = actor.ngoID, request.may(.mergeWorkers, in: .ngo(ngo)) {
            tools.append((IntakeRoute.duplicates.path, "duplicates.title"))
        }
        if let ngo = actor.ngoID, request.may(.transferWorkers, in: .ngo(ngo)) {
            tools.append((IntakeRoute.importWorkers.path, "import.title"))
            tools.append((IntakeRoute.exportWorkers.path, "export.title"))
        }
        tools += request.application.workerListTools.compactMap { $0(request) }
        return request.page(request.t("workers.title"), WorkerViews.list(page, filter: filter, tools: tools, request.pageContext))
    }

    static func show(_ request: Request, revealed: Bool) async throws -> Response {
        let worker = try await request.findWorker()
        if revealed { try request.authorize(.revealIdentifiers, in: .ngo(worker.ngoID)) }
        try await request.audit(revealed ? .revealIdentifiers : .viewWorker, recordType: "worker", recordID: worker.id,
                                ngoID: worker.ngoID)
        let store = WorkerStore(db: request.db, cipher: request.application.fieldCipher)
        let phones = try await store.phones(of: [worker.id!])[worker.id!] ?? []
        let idNumber = try store.idNumber(of: worker)
        let history = try await ContactHistory.recent(workerIDs: [worker.id!], callbackHashes: [], ngoID: worker.ngoID,
                                                      limit: 100, language: request.language,
                                                      cipher: request.application.fieldCipher, mayReadFully: request.mayRead,
                                                      on: request.db)
        var sections: [Node<HTML.BodyContext>] = []
        for section in request.application.workerSections {
            if let node = try await section(request, worker) { sections.append(node) }
        }
        let detail = WorkerViews.Detail(
            worker: try .init(worker), name: try worker.openName(store.cipher), notes: try worker.openNotes(store.cipher), phones: phones.map { revealed ? $0.digits : $0.masked },
            idNumber: idNumber.map { revealed ? $0 : ResidentID.mask($0) },
            revealed: revealed, mayReveal: request.may(.revealIdentifiers, in: .ngo(worker.ngoID)), history: history,
            sections: sections)
        return request.page(detail.name, WorkerViews.page(detail, request.pageContext))
    }

    static func edit(_ request: Request) async throws -> Response {
        let worker = try await request.findWorker()
        try request.authorize(.revealIdentifiers, in: .ngo(worker.ngoID))
        try await request.audit(.revealIdentifiers, recordType: "worker", recordID: worker.id, ngoID: worker.ngoID,
                                detail: AuditDetail("edit form"))
        let store = WorkerStore(db: request.db, cipher: request.application.fieldCipher)
        let draft = WorkerDraft(worker, name: try worker.openName(store.cipher), notes: try worker.openNotes(store.cipher), phones: try await store.phones(of: [worker.id!])[worker.id!] ?? [],
                                idNumber: try store.idNumber(of: worker))
        return request.page(request.t("workers.edit"), WorkerViews.form(draft, id: worker.id!, errors: ValidationErrors(),
                                                                        request.pageContext))
    }

    static func update(_ request: Request) async throws -> Response {
        let worker = try await request.findWorker()
        try request.authorize(.revealIdentifiers, in: .ngo(worker.ngoID))
        let draft = try request.content.decode(WorkerDraft.self)
        let values: WorkerValues
        do {
            values = try draft.command.check(today: request.today)
        } catch {
            return request.page(request.t("workers.edit"), status: .unprocessableEntity,
                                WorkerViews.form(draft, id: worker.id!, errors: error, request.pageContext))
        }
        let now = request.application.clock.now()
        try await request.db.write { db in
            try await WorkerStore(db: db, cipher: request.application.fieldCipher)
                .save(values, into: worker, today: CalendarDate(now), now: now)
            try await request.audit(.updateWorker, recordType: "worker", recordID: worker.id, ngoID: worker.ngoID, on: db)
        }
        return request.seeOther(IntakeRoute.worker(.of(worker.id!)))
    }
}
