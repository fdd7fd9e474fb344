import Fluent
import Foundation
import HuzhuOrg
import HuzhuPlatform

/// Finds likely duplicate employers, and what moves when they merge into one survivor (`Merge.run`).
struct EmployerMerge {
    let db: any Database

    /// Groups of the NGO's employers sharing a credit code or a name (ignoring spaces, case and the
    /// usual company suffixes).
    func duplicates(ngoID: UUID) async throws -> [[Employer]] {
        let employers = try await Employer.query(on: db).filter(\.$ngoID == ngoID).filter(\.$mergedInto == nil)
            .sort(\.$createdAt).all()
        var groups: [String: [Employer]] = [:]
        for employer in employers {
            groups[Self.key(employer), default: []].append(employer)
        }
        return groups.values.filter { $0.count > 1 }.sorted { $0[0].name < $1[0].name }
    }

    static func key(_ employer: Employer) -> String {
        if let code = employer.creditCode { return "code:" + code }
        var name = employer.name.lowercased().filter { !$0.isWhitespace && !"()（）".contains($0) }
        for suffix in ["有限责任公司", "股份有限公司", "有限公司", "公司", "co.,ltd.", "co.ltd.", "ltd."] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            break
        }
        return "name:" + name
    }

    /// What moves when employers merge (`Merge.run`): the cases against them (a case already against the
    /// survivor keeps its one place) and their chain links (a link that would repeat one, or join the
    /// survivor to itself, is dropped).
    static let steps: [MergeStep] = [
        { merged, survivor, db in
            var cases = Set(try await CaseRespondent.query(on: db).filter(\.$employerID == survivor).all().map(\.caseID))
            for link in try await CaseRespondent.query(on: db).filter(\.$employerID ~~ merged).all() {
                if cases.insert(link.caseID).inserted {
                    link.employerID = survivor
                    try await link.save(on: db)
                } else {
                    try await link.delete(on: db)
                }
            }
        },
        { merged, survivor, db in
            let all = merged + [survivor]
            var pairs = Set<String>()
            let links = try await EmployerLink.query(on: db).group(.or) { $0.filter(\.$upperID ~~ all).filter(\.$lowerID ~~ all) }.all()
            // The survivor's own links first, so a moved link that repeats one of them is the one dropped.
            let moved = { (link: EmployerLink) in merged.contains(link.upperID) || merged.contains(link.lowerID) }
            for link in links.filter({ !moved($0) }) + links.filter(moved) {
                if merged.contains(link.upperID) { link.upperID = survivor }
                if merged.contains(link.lowerID) { link.lowerID = survivor }
                if link.upperID == link.lowerID || !pairs.insert("\(link.upperID)>\(link.lowerID)").inserted {
                    try await link.delete(on: db)
                } else {
                    try await link.save(on: db)
                }
            }
        },
    ]
}

/// An employer merged keeps what it has, takes what it lacks from its duplicates, and adds their contacts.
extension Employer: Mergeable {
    package static var mergeAction: AuditAction { .mergeEmployers }
    package static let auditRecordType = "employer"

    package func fillGaps(from other: Employer, cipher: FieldCipher) throws {
        creditCode = creditCode ?? other.creditCode
        address = address ?? other.address
        city = city ?? other.city
        industry = industry ?? other.industry
        if let more = other.contacts, !more.isEmpty {
            contacts = [contacts, more].compactMap { $0 }.joined(separator: "\n")
        }
    }
}
