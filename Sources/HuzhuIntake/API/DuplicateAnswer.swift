import Foundation
import HuzhuPlatform
import Vapor

/// The API's answer when a new worker may be a known one: 409 with the usual error body and the
/// records it matched, so the client can use one (`worker_id`) or confirm `different_person`.
struct DuplicateAnswer: Content {
    struct Detail: Content {
        let code: String
        let message: String
    }
    let error: Detail
    let matches: [WorkersAPI.LookupJSON.WorkerCardJSON]

    /// Runs `body`, answering a `PossibleDuplicate` it throws with 409.
    static func stoppingAtKnownWorkers(_ request: Request, _ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let duplicate as PossibleDuplicate {
            let answer = DuplicateAnswer(
                error: .init(code: "possible_duplicate", message: request.t("error.possible_duplicate_api")),
                matches: duplicate.matches.map { .init(id: $0.id, name: $0.name, phones: $0.maskedPhones) })
            return try await answer.encodeResponse(status: .conflict, for: request)
        }
    }
}
