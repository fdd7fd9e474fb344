import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// The office form as typed, and its validation.
struct OfficeDraft: Content {
    var ngo: String?
    var name: String?
    var city: String?
    var code: String?

    init(ngo: String? = nil, name: String? = nil, city: String? = nil, code: String? = nil) {
        self.ngo = ngo
        self.name = name
        self.city = city
        self.code = code
    }

    init(_ office: Office) {
        self.init(ngo: office.ngoID.uuidString, name: office.name, city: office.city, code: office.code)
    }

    /// The NGO the office is to belong to: an NGO-wide person's own, else the one chosen.
    func ngoID(for actor: Actor) -> UUID? {
        let tenant = Policy.tenant(of: actor)
        return tenant == .network ? ngo.flatMap(UUID.init(uuidString:)) : tenant.ngoID
    }

    /// Checks the draft and, when valid, writes it into the office; otherwise throws `ValidationErrors`.
    func apply(to office: Office, ngoID: UUID?, on db: any Database) async throws {
        var errors = ValidationErrors()
        if ngoID == nil { errors.add("ngo", "error.required") }
        let name = errors.check { () throws(FieldError) in try OrgNames.displayName(self.name ?? "", field: "name") }
        let city = errors.check { () throws(FieldError) in try OrgNames.displayName(self.city ?? "", field: "city") }
        let code = errors.check { () throws(FieldError) in try OrgNames.officeCode(self.code ?? "") }
        if let ngoID {
            if try await NGO.find(ngoID, on: db) == nil { errors.add("ngo", "error.not_found") }
            if let code {
                let sameCode = Office.query(on: db).filter(\.$ngoID == ngoID).filter(\.$code == code)
                if let id = office.id { sameCode.filter(\.$id != id) }
                if try await sameCode.count() > 0 { errors.add("code", "error.code_taken") }
            }
        }
        try errors.throwIfAny()
        office.ngoID = ngoID!
        office.name = name!
        office.city = city!
        office.code = code!
    }
}
