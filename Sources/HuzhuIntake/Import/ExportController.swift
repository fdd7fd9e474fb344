import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// `GET /workers/export.csv`: the NGO's workers for a spreadsheet, in UTF-8 with a byte-order mark so
/// Excel shows Chinese, formulas neutralised. Deliberately minimal (no ID numbers) and audited.
enum ExportController {
    static let columns = ["full_name", "phones", "gender", "birth_year", "home_province", "current_city", "industry",
                          "employer", "languages", "consent_sms", "consent_network"]

    static func register(_ routes: any RoutesBuilder) {
        routes.get(IntakeRoute.exportWorkers, use: export)
    }

    static func export(_ request: Request) async throws -> Response {
        let ngoID = try request.inOwnNGO(.transferWorkers).ngoID
        let t = request.t
        let workers = try await Worker.query(on: request.db).filter(\.$ngoID == ngoID).filter(\.$mergedInto == nil)
            .sort(\.$createdAt).all()
        let store = WorkerStore(db: request.db, cipher: request.application.fieldCipher)
        var lines = [CSV.line(columns.map { t("field.\($0)") })]
        for chunk in workers.chunks(of: 1000) {
            let phones = try await store.phones(of: chunk.compactMap(\.id))
            for worker in chunk {
                lines.append(CSV.line([
                    try worker.openName(request.application.fieldCipher), (phones[worker.id!] ?? []).map(\.digits).joined(separator: " / "),
                    t("gender.\(worker.gender.rawValue)"), worker.birthYear.map(String.init) ?? "", worker.homeProvince ?? "",
                    worker.currentCity ?? "", worker.industry ?? "", worker.employer ?? "", worker.languages ?? "",
                    worker.consentSMSOn?.description ?? "", worker.consentNetworkOn?.description ?? "",
                ]))
            }
        }
        try await request.audit(.exportWorkers, recordType: "workers", recordID: nil, ngoID: ngoID,
                                detail: .count(workers.count, "workers"))
        return .csv(lines, filename: "workers-\(CalendarDate(request.application.clock.now())).csv")
    }
}
