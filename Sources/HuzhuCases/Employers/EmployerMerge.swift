import Fluent
import Foundation
import HuzhuOrg
import HuzhuPlatform

/// Finds likely duplicate employers and merges them into one survivor: cases against them and their
/// chain links move to the survivor, what it lacks is taken from them, and they stay, pointing at it.
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

    func merge(_ others: [Employer], into survivor: Employer) async throws {
        let survivorID = try survivor.requireID()
        let otherIDs = try others.map { try $0.requireID() }
        let present = Set(try await CaseRespondent.query(on: db).filter(\.$employerID == survivorID).all().map(\.caseID))
        var cases = present
        for link in try await CaseRespondent.query(on: db).filter(\.$employerID ~~ otherIDs).all() {
            if cases.insert(link.caseID).inserted {
                link.employerID = survivorID
                try await link.save(on: db)
            } else {
                try await link.delete(on: db)
            }
        }
        let all = Set(otherIDs + [survivorID])
        var pairs = Set<String>()
        let links = try await EmployerLink.query(on: db)
            .group(.or) { $0.filter(\.$upperID ~~ Array(all)).filter(\.$lowerID ~~ Array(all)) }.all()
        // The survivor's own links first, so a moved link that repeats one of them is the one dropped.
        let moved = { (link: EmployerLink) in otherIDs.contains(link.upperID) || otherIDs.contains(link.lowerID) }
        for link in links.filter({ !moved($0) }) + links.filter(moved) {
            if otherIDs.contains(link.upperID) { link.upperID = survivorID }
            if otherIDs.contains(link.lowerID) { link.lowerID = survivorID }
            if link.upperID == link.lowerID || !pairs.insert("\(link.upperID)>\(link.lowerID)").inserted {
                try await link.delete(on: db)
            } else {
                try await link.save(on: db)
            }
        }
        for other in others {
            survivor.creditCode = survivor.creditCode ?? other.creditCode
            survivor.address = survivor.address ?? other.address
            survivor.city = survivor.city ?? other.city
            survivor.industry = survivor.industry ?? other.industry
            if let contacts = other.contacts, !contacts.isEmpty {
                survivor.contacts = [survivor.contacts, contacts].compactMap { $0 }.joined(separator: "\n")
            }
            other.mergedInto = survivorID
            try await other.save(on: db)
        }
        try await survivor.save(on: db)
    }
}
