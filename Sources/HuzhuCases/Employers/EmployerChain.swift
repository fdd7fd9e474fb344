import Fluent
import Foundation
import HuzhuOrg
import HuzhuPlatform

/// An employer's place in contracting chains: who gave it work (upwards, to the developer) and to whom
/// it gave work (downwards, to the labour contractor), followed to the chain's ends.
struct EmployerChain {
    struct Step {
        let employer: Employer
        let kind: EmployerLink.Kind
        /// 1 for a direct link, 2 for the next, and so on.
        let depth: Int
    }

    let above: [Step]
    let below: [Step]

    static let maxDepth = 6

    /// Follows the links in both directions, one query per level (a chain is rarely more than four deep).
    static func load(_ employer: Employer, on db: any Database) async throws -> EmployerChain {
        let id = try employer.requireID()
        return EmployerChain(above: try await follow(from: id, upwards: true, ngoID: employer.ngoID, on: db),
                             below: try await follow(from: id, upwards: false, ngoID: employer.ngoID, on: db))
    }

    private static func follow(from start: UUID, upwards: Bool, ngoID: UUID, on db: any Database) async throws -> [Step] {
        var seen: Set<UUID> = [start]
        var frontier = [start]
        var steps: [Step] = []
        for depth in 1...maxDepth where !frontier.isEmpty {
            let query = EmployerLink.query(on: db).filter(\.$ngoID == ngoID)
            let links = try await (upwards ? query.filter(\.$lowerID ~~ frontier) : query.filter(\.$upperID ~~ frontier)).all()
            let next = links.map { upwards ? $0.upperID : $0.lowerID }.filter { !seen.contains($0) }
            let employers = Dictionary(uniqueKeysWithValues: try await Employer.query(on: db).filter(\.$id ~~ next).all()
                .map { ($0.id!, $0) })
            frontier = []
            for link in links {
                let other = upwards ? link.upperID : link.lowerID
                guard let employer = employers[other], seen.insert(other).inserted else { continue }
                steps.append(Step(employer: employer, kind: link.kind, depth: depth))
                frontier.append(other)
            }
        }
        return steps
    }
}
