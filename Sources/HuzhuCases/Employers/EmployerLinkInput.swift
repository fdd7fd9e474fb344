import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Vapor

/// A link of a contracting chain as typed on an employer's page: the other employer (by name, found
/// or recorded), whether it is above (gave the work) or below (took it), and how.
struct EmployerLinkInput: Content {
    var other_name: String?
    var direction: String?
    var kind: String?

    static func add(_ input: EmployerLinkInput, to employer: Employer, request: Request) async throws {
        var errors = ValidationErrors()
        let name = errors.check { () throws(FieldError) in try CaseInput.text(input.other_name, field: "other_name", max: 200) }
        let above = input.direction == "above"
        if input.direction != "above" && input.direction != "below" { errors.add("direction", "error.choice_invalid") }
        let kind = input.kind.flatMap(EmployerLink.Kind.init(rawValue:))
        if kind == nil { errors.add("kind", "error.choice_invalid") }
        if let name, name == employer.name { errors.add("other_name", "error.link_to_itself") }
        try errors.throwIfAny()
        let work = try request.workContext()
        try await request.db.write { db in
            let other = try await Employer.named(name!, ngoID: employer.ngoID, in: work.on(db))
            let upper = above ? try other.requireID() : try employer.requireID()
            let lower = above ? try employer.requireID() : try other.requireID()
            let existing = try await EmployerLink.query(on: db).group(.or) { either in
                either.group(.and) { $0.filter(\.$upperID == upper).filter(\.$lowerID == lower) }
                either.group(.and) { $0.filter(\.$upperID == lower).filter(\.$lowerID == upper) }
            }.first()
            guard existing == nil else { throw ValidationErrors([FieldError("other_name", "error.link_exists")]) }
            let link = EmployerLink()
            link.ngoID = employer.ngoID
            link.upperID = upper
            link.lowerID = lower
            link.kind = kind!
            try await link.create(on: db)
            try await request.audit(.updateEmployer, recordType: "employer", recordID: employer.id, ngoID: employer.ngoID,
                                    detail: above ? .record("below", other.id!) : .record("above", other.id!), on: db)
        }
    }
}
