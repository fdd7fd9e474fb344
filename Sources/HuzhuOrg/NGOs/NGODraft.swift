import Fluent
import HuzhuCore
import HuzhuPlatform
import Vapor

/// The NGO form as typed, and its validation.
struct NGODraft: Content {
    var name: String?
    var city: String?

    init(name: String? = nil, city: String? = nil) {
        self.name = name
        self.city = city
    }

    init(_ ngo: NGO) {
        self.init(name: ngo.name, city: ngo.city)
    }

    /// Checks the draft and, when it is valid, writes it into the NGO; otherwise throws `ValidationErrors`.
    func apply(to ngo: NGO, on db: any Database) async throws {
        var errors = ValidationErrors()
        let name = errors.check { () throws(FieldError) in try OrgNames.displayName(self.name ?? "", field: "name") }
        let city = errors.check { () throws(FieldError) in try OrgNames.displayName(self.city ?? "", field: "city") }
        if let name {
            let sameName = NGO.query(on: db).filter(\.$name == name)
            if let id = ngo.id { sameName.filter(\.$id != id) }
            if try await sameName.count() > 0 { errors.add("name", "error.name_taken") }
        }
        try errors.throwIfAny()
        ngo.name = name!
        ngo.city = city!
    }
}
