import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot
import Vapor

/// A worker's requests under PIPL, handled by their NGO's administrators and office supervisors: a copy
/// of everything held about them (audited), and erasure (audited; the request's reference is kept,
/// sealed, on the erased record, never in the audit log).
enum DataRightsController {
    struct ErasureInput: Content {
        var request_reference: String?
        var confirm: String?
    }

    static func register(_ app: Application) {
        app.routes.get(IntakeRoute.workerExport(.parameter), use: export)
        app.routes.post(IntakeRoute.workerErase(.parameter), use: erase)
        app.workerSections.append(section)
        app.workerDataParts.append(IntakeWorkerData.part)
    }

    static func export(_ request: Request) async throws -> Response {
        let worker = try await request.findWorker()
        try request.authorize(.handleDataRights, in: .ngo(worker.ngoID))
        try await request.audit(.exportWorkerData, recordType: "worker", recordID: worker.id, ngoID: worker.ngoID)
        let file = try await WorkerData.export(worker, app: request.application, on: request.db)
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"worker-\(worker.id!.uuidString.lowercased()).json\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: file))
    }

    static func erase(_ request: Request) async throws -> Response {
        let worker = try await request.findWorker()
        let actor = try request.authorize(.handleDataRights, in: .ngo(worker.ngoID))
        let input = try request.content.decode(ErasureInput.self)
        var errors = ValidationErrors()
        let reference = (input.request_reference ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if reference.isEmpty { errors.add("request_reference", "error.required") } else if reference.count > 200 { errors.add("request_reference", "error.text_too_long") }
        if input.confirm != "on" { errors.add("confirm", "error.confirm_erasure") }
        guard errors.isEmpty else { throw errors }
        guard worker.erasedAt == nil else { return request.redirect(to: IntakeRoute.worker(.of(worker.id!)).path) }
        try await request.db.write { db in
            try await WorkerData.anonymise(worker, by: actor.userID, now: request.application.clock.now(), app: request.application, on: db)
            worker.erasureReferenceCipher = try request.application.fieldCipher.seal(reference)
            try await worker.save(on: db)
            try await request.audit(.eraseWorker, recordType: "worker", recordID: worker.id, ngoID: worker.ngoID, on: db)
        }
        return request.redirect(to: IntakeRoute.worker(.of(worker.id!)).path)
    }

    /// The card on a worker's page: when it was erased, or the export link and the erasure form.
    static let section: WorkerSection = { request, worker in
        guard request.may(.handleDataRights, in: .ngo(worker.ngoID)) else { return nil }
        let t = request.t
        if let erased = worker.erasedAt {
            let reference = try worker.erasureReferenceCipher.map { try request.application.fieldCipher.open($0) }
            return .section(.class("card"), .h2(.text(t("datarights.title"))), .p(.text(t("datarights.erased", t.dateTime(erased)))),
                            .unwrap(reference) { .p(.text(t("datarights.erased_reference", $0))) })
        }
        let context = request.pageContext
        return .section(.class("card"), .h2(.text(t("datarights.title"))),
            .p(.a(.class("button"), .href(IntakeRoute.workerExport(.of(worker.id!)).path), .text(t("datarights.export")))),
            .p(.text(t("datarights.erase_explained"))),
            Forms.post(IntakeRoute.workerErase(.of(worker.id!)).path, context,
                Forms.text("request_reference", value: nil, errors: ValidationErrors(), t, hint: t("datarights.reference_hint")),
                Forms.checkbox("confirm", checked: false, t),
                Forms.submit(t("datarights.erase"))))
    }
}
