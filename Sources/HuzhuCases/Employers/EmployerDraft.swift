import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Vapor

/// The employer form as typed (the API's JSON has the same fields).
struct EmployerDraft: Content {
    var name: String?
    var credit_code: String?
    var address: String?
    var city: String?
    var industry: String?
    var contacts: String?

    init() {}

    init(_ employer: Employer) {
        name = employer.name
        credit_code = employer.creditCode
        address = employer.address
        city = employer.city
        industry = employer.industry
        contacts = employer.contacts
    }

    /// Checks the fields and writes them into the employer.
    func apply(to employer: Employer) throws(ValidationErrors) {
        var errors = ValidationErrors()
        let name = errors.check { () throws(FieldError) in try CaseInput.text(self.name, field: "name", max: 200) }
        var code: String?
        if let raw = credit_code, !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            code = errors.check { () throws(FieldError) in try CreditCode(raw).value }
        }
        var optional: [String: String] = [:]
        for (field, value, max) in [("address", address, 300), ("city", city, 100), ("industry", industry, 100),
                                    ("contacts", contacts, 2000)] {
            let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if text.count > max { errors.add(field, "error.text_too_long") } else if !text.isEmpty { optional[field] = text }
        }
        try errors.throwIfAny()
        employer.name = name!
        employer.creditCode = code
        employer.address = optional["address"]
        employer.city = optional["city"]
        employer.industry = optional["industry"]
        employer.contacts = optional["contacts"]
    }
}
