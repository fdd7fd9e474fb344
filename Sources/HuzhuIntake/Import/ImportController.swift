import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// Importing a worker list from a spreadsheet: upload, map the columns, preview every row's problems,
/// then import the valid new rows and report what happened. Nothing is written before the last step.
enum ImportController {
    /// 40,000 rows of a typical list are about 4 MB.
    static let maxFileBytes = 20 * 1024 * 1024

    struct Upload: Content {
        var file: File?
    }

    static func register(_ app: Application) {
        let routes = app.routes
        app.uploadLimits[IntakeRoute.importWorkers.path] = maxFileBytes
        routes.get(IntakeRoute.importWorkers) { request async throws -> Response in
            try request.inOwnNGO(.transferWorkers)
            return request.page(request.t("import.title"), ImportViews.upload(error: nil, request.pageContext))
        }
        routes.on(.POST, IntakeRoute.importWorkers.components, body: .collect(maxSize: ByteCount(integerLiteral: maxFileBytes)),
                  use: upload)
        routes.get(IntakeRoute.importBatch(.parameter), use: preview)
        routes.post(IntakeRoute.importBatch(.parameter), use: commit)
    }

    static func upload(_ request: Request) async throws -> Response {
        let actor = try request.inOwnNGO(.transferWorkers)
        let upload = try? request.content.decode(Upload.self)
        guard let file = upload?.file, file.data.readableBytes > 0 else {
            return request.page(request.t("import.title"), status: .unprocessableEntity,
                                ImportViews.upload(error: "error.import_no_file", request.pageContext))
        }
        guard let text = CSV.decode(Data(buffer: file.data)) else {
            return request.page(request.t("import.title"), status: .unprocessableEntity,
                                ImportViews.upload(error: "error.import_encoding", request.pageContext))
        }
        guard CSV.parse(text).count >= 2 else {
            return request.page(request.t("import.title"), status: .unprocessableEntity,
                                ImportViews.upload(error: "error.import_empty", request.pageContext))
        }
        let ngoID = actor.ngoID
        // An NGO admin belongs to no office: their imports are recorded against the NGO's first office by code.
        var officeID = actor.officeID
        if officeID == nil { officeID = try await Office.query(on: request.db).filter(\.$ngoID == ngoID).sort(\.$code).first()?.id }
        guard let officeID else { throw HuzhuAbort(.unprocessableEntity, "error.office_required") }
        let batch = ImportBatch()
        batch.ngoID = ngoID
        batch.officeID = officeID
        batch.userID = actor.userID
        batch.fileName = String(file.filename.prefix(200))
        batch.contentCipher = try request.application.fieldCipher.seal(text)
        batch.createdAt = request.application.clock.now()
        try await ImportBatch.query(on: request.db).filter(\.$createdAt < batch.createdAt.addingTimeInterval(-ImportBatch.lifetime))
            .delete()
        try await request.db.write { db in try await batch.create(on: db) }
        return request.seeOther(IntakeRoute.importBatch(.of(batch.id!)))
    }

    static func preview(_ request: Request) async throws -> Response {
        let actor = try request.inOwnNGO(.transferWorkers)
        let batch = try await find(request, actor)
        let rows = CSV.parse(try request.application.fieldCipher.open(batch.contentCipher))
        let chosen = ColumnMapping(from: request.query)
        let mapping = chosen.isEmpty ? ColumnMapping.guess(headers: rows[0]) : chosen
        var plan: WorkerImport.Plan?
        if !chosen.isEmpty || request.query[String.self, at: "preview"] != nil {
            plan = try await WorkerImport(db: request.db, cipher: request.application.fieldCipher)
                .plan(rows: Array(rows.dropFirst()), mapping: mapping, today: request.today, ngoID: batch.ngoID)
        }
        return request.page(request.t("import.title"),
                            ImportViews.mapping(batch, rows: rows.count - 1, headers: rows[0], sample: Array(rows.dropFirst().prefix(3)),
                                                mapping: mapping, plan: plan, request.pageContext))
    }

    static func commit(_ request: Request) async throws -> Response {
        let actor = try request.inOwnNGO(.transferWorkers)
        let batch = try await find(request, actor)
        guard batch.importedAt == nil else { throw HuzhuAbort(.conflict, "error.import_done") }
        let mapping = ColumnMapping(from: request.content)
        guard mapping.column("full_name") != nil else { throw HuzhuAbort(.unprocessableEntity, "error.import_needs_name") }
        let rows = CSV.parse(try request.application.fieldCipher.open(batch.contentCipher))
        let (now, today) = (request.application.clock.now(), request.today)
        // Planned and written in one transaction: a phone recorded meanwhile is not imported twice, and a
        // second press of the button finds the list imported already.
        let plan = try await request.db.write { db in
            // Claimed by a compare-and-set, so that of two presses exactly one imports.
            let claimed = try await db.sql.raw("""
                UPDATE import_batches SET imported_at = \(bind: now) WHERE id = \(bind: batch.requireID()) AND imported_at IS NULL
                RETURNING id
                """).first()
            guard claimed != nil else { throw HuzhuAbort(.conflict, "error.import_done") }
            let importer = WorkerImport(db: db, cipher: request.application.fieldCipher)
            let plan = try await importer.plan(rows: Array(rows.dropFirst()), mapping: mapping, today: today, ngoID: batch.ngoID)
            let imported = try await importer.commit(plan, ngoID: batch.ngoID, officeID: batch.officeID, userID: actor.userID, now: now)
            batch.importedAt = now
            batch.imported = imported
            batch.skipped = plan.total - imported
            batch.contentCipher = Data()  // once imported, the list itself is not kept
            try await batch.save(on: db)
            try await request.audit(.importWorkers, recordType: "import_batch", recordID: batch.id, ngoID: batch.ngoID,
                                    detail: .count(imported, "imported") + .count(plan.total - imported, "skipped"), on: db)
            return plan
        }
        return request.page(request.t("import.title"), ImportViews.report(plan, request.pageContext))
    }

    private static func find(_ request: Request, _ actor: InNGO) async throws -> ImportBatch {
        guard let batch = try await ImportBatch.query(on: request.db).filter(\.$id == (try request.routeID()))
            .filter(\.$ngoID == actor.ngoID).filter(\.$userID == actor.userID).first() else {
            throw HuzhuAbort.notFound
        }
        return batch
    }
}
