import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform

/// A partnership with an enterprise to set up: the office that holds it, the enterprise (found in or
/// added to the employer registry by name), when it starts, who at the NGO is responsible, and its terms.
struct OpenPartnership: Sendable {
    var officeID: UUID?
    var employerName = ""
    var startOn: CalendarDate?
    var responsibleID: UUID?
    var terms: PartnershipTerms
    var unread = ValidationErrors()
}

/// The terms the new-partnership form and the terms form both set: the k of the reports' anonymity, how
/// many months a report covers, the sites workers name.
struct PartnershipTerms: Sendable {
    var k: Int?
    var reportMonths: Int?
    var sites: [String] = []

    /// Each bad term adds its error.
    func check(_ errors: inout ValidationErrors) {
        if k.map({ !(3...50).contains($0) }) ?? true { errors.add("k", "error.number_range") }
        if reportMonths.map({ !(1...12).contains($0) }) ?? true { errors.add("report_months", "error.number_range") }
        if sites.count > 100 || sites.contains(where: { $0.count > 100 }) { errors.add("sites", "error.text_too_long") }
    }

    /// The terms as typed on a form.
    init(form typed: [String: String]) {
        k = Int(typed["k"] ?? "")
        reportMonths = Int(typed["report_months"] ?? "")
        sites = (typed["sites"] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    init(k: Int?, reportMonths: Int?, sites: [String]) {
        self.k = k
        self.reportMonths = reportMonths
        self.sites = sites
    }
}

/// Enterprise's commands that need a signed-in person.
enum Enterprise {
    /// Sets up a partnership in an office the actor manages partners in, with its audit row.
    static func openPartnership(_ command: OpenPartnership, in work: WorkContext) async throws -> Partnership {
        guard let ngo = work.actor.ngoID else { throw HuzhuAbort(.forbidden, "error.forbidden") }
        var errors = ValidationErrors()
        let office = try await command.officeID.asyncFlatMap { id in
            try await Office.query(on: work.db).filter(\.$id == id).filter(\.$ngoID == ngo).first()
        }
        if office.map({ !work.may(.managePartners, in: .office(ngo: ngo, office: $0.id!)) }) ?? true {
            errors.add("office", "error.choice_invalid")
        }
        let name = errors.check { () throws(FieldError) in try OrgNames.displayName(command.employerName, field: "employer_name") }
        if !errors.carry("start_on", from: command.unread) && command.startOn == nil { errors.add("start_on", "error.date_format") }
        command.terms.check(&errors)
        let responsible = try await command.responsibleID.asyncFlatMap { id in
            try await User.query(on: work.db).filter(\.$id == id).visible(Policy.tenant(of: work.actor)).first()
        }
        if responsible == nil { errors.add("responsible", "error.choice_invalid") }
        try errors.throwIfAny()
        guard let office, let name, let start = command.startOn, let responsibleID = responsible?.id,
              let k = command.terms.k, let months = command.terms.reportMonths else { throw errors }
        return try await work.write { work in
            let employer = try await Employer.named(name, ngoID: office.ngoID, in: work)
            let partnership = Partnership()
            partnership.ngoID = office.ngoID
            partnership.officeID = office.id
            partnership.employerID = try employer.requireID()
            partnership.name = name
            partnership.startOn = start
            partnership.sitesText = command.terms.sites.joined(separator: "\n")
            partnership.reportMonths = months
            partnership.responsibleID = responsibleID
            partnership.k = k
            partnership.formToken = UUID()
            partnership.createdAt = work.now
            try await partnership.create(on: work.db)
            try await work.audit(.createPartnership, recordType: "partnership", recordID: partnership.id, ngoID: partnership.ngoID)
            return partnership
        }
    }
}

extension Optional {
    /// The wrapped value transformed by an async function, or nil.
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
