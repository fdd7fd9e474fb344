import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// The retention rule (off unless `HUZHU_RETENTION_YEARS` is set): a worker with no contact, no case
/// activity and no open case for that many years is anonymised, as on a request. The server applies it
/// once a day; `huzhu retention` applies it now.
enum WorkerRetention {
    static let retentionSource = AuditSource(userID: nil, login: "retention", address: "scheduler")

    /// Once a day in the server, when the rule is on.
    static func periodic(_ app: Application) -> PeriodicJob {
        PeriodicJob(every: app.retentionYears == nil ? 0 : 24 * 3600) { app in
            let erased = try await run(app)
            if erased > 0 { app.logger.notice("Retention rule: \(erased) inactive workers anonymised") }
        }
    }

    /// Anonymises every worker inactive since the cutoff; returns how many.
    static func run(_ app: Application) async throws -> Int {
        guard let years = app.retentionYears else { return 0 }
        let now = app.clock.now()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ShanghaiTime.zone
        guard let cutoff = calendar.date(byAdding: .year, value: -years, to: now) else { return 0 }
        var erased = 0
        var after: UUID?
        while true {
            let query = Worker.query(on: app.db).filter(\.$erasedAt == nil).filter(\.$mergedInto == nil).filter(\.$createdAt < cutoff)
            if let after { query.filter(\.$id > after) }
            let page = try await query.sort(\.$id).limit(500).all()
            guard let last = page.last else { break }
            let active = try await WorkerData.active(page.compactMap(\.id), since: cutoff, app: app, on: app.db)
            for worker in page where !active.contains(try worker.requireID()) {
                try await app.db.write { db in
                    try await WorkerData.anonymise(worker, by: nil, now: now, app: app, on: db)
                    try await AuditEvent.record(.eraseWorker, by: retentionSource, at: now, recordType: "worker", recordID: worker.id,
                                                ngoID: worker.ngoID, detail: .count(years, "years without activity"), on: db)
                }
                erased += 1
            }
            after = last.id
        }
        return erased
    }
}

/// `huzhu retention`: applies the retention rule now.
struct RetentionCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }

    var help: String { "Anonymise the workers inactive for HUZHU_RETENTION_YEARS years (the server also does this daily)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let years = context.application.retentionYears else {
            context.console.print("The retention rule is off (HUZHU_RETENTION_YEARS is not set): nothing done.")
            return
        }
        let erased = try await WorkerRetention.run(context.application)
        context.console.print("Anonymised \(erased) workers with no activity for \(years) years.")
    }
}
