import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot
import Vapor

/// Likely duplicate workers, and merging them (audited, on every record involved).
enum DuplicatesController {
    struct MergeInput: Content {
        var survivor: String?
        var workers: [String]?
        var confirm: String?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(IntakeRoute.duplicates, use: list)
        routes.post(IntakeRoute.merge, use: merge)
    }

    static func list(_ request: Request) async throws -> Response {
        let ngoID = try request.inOwnNGO(.mergeWorkers).ngoID
        let groups = try await DuplicateFinder.groups(ngoID: ngoID, on: request.db)
        let ids = groups.flatMap(\.workerIDs)
        let workers = try await Worker.query(on: request.db).filter(\.$id ~~ ids).all().reduce(into: [UUID: Worker]()) { $0[$1.id!] = $1 }
        let phones = try await WorkerStore(db: request.db, cipher: request.application.fieldCipher).phones(of: ids)
        let counts = try await Contact.query(on: request.db).filter(\.$workerID ~~ ids).all()
            .reduce(into: [UUID: Int]()) { $0[$1.workerID!, default: 0] += 1 }
        let cipher = request.application.fieldCipher
        let cards = try groups.map { group in
            DuplicateViews.Group(reasons: group.reasons, workers: try group.workerIDs.compactMap { id in
                try workers[id].map { DuplicateViews.Card(name: try $0.openName(cipher), worker: $0, phones: (phones[id] ?? []).map(\.masked),
                                                          contacts: counts[id] ?? 0) }
            })
        }
        return request.page(request.t("duplicates.title"), DuplicateViews.render(cards, request.pageContext))
    }

    static func merge(_ request: Request) async throws -> Response {
        try request.inOwnNGO(.mergeWorkers)
        let input = try request.content.decode(MergeInput.self)
        guard input.confirm == "on" else { throw HuzhuAbort(.unprocessableEntity, "error.confirm_required") }
        let survivor: Worker = try await Merge.run(Set((input.workers ?? []).compactMap(UUID.init(uuidString:))),
                                                   into: input.survivor.flatMap(UUID.init(uuidString:)),
                                                   steps: WorkerMerge.steps + request.application.workerMergeSteps,
                                                   in: try request.workContext())
        return request.seeOther(IntakeRoute.worker(.of(try survivor.requireID())))
    }
}
