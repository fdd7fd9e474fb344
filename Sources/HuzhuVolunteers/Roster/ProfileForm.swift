import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// The fields of a volunteer's profile, alike on the enrolment form and on a volunteer's page. A phone
/// already recorded is never written back into the page: left empty, it is kept.
enum ProfileForm {
    static func fields(_ typed: [String: String], errors: ValidationErrors, offices: [Office], logins: [(value: String, label: String)],
                       enrolling: Bool, _ t: Localizer) -> [Node<HTML.FormContext>] {
        [
            Forms.select("office", options: offices.map { ($0.id!.uuidString, $0.name) }, selected: typed["office"], errors: errors, t),
            Forms.text("name", value: typed["name"], errors: errors, t),
            Forms.text("phone", value: typed["phone"], errors: errors, t, type: .tel, required: false,
                       hint: enrolling ? nil : t("volunteer.phone_kept")),
            Forms.select("volunteer_kind", options: VolunteerKind.allCases.map { ($0.rawValue, t("volunteer.kind.\($0.rawValue)")) },
                         selected: typed["volunteer_kind"], errors: errors, t),
            enrolling ? Forms.select("status", options: VolunteerStatus.allCases.map { ($0.rawValue, t("volunteer.status.\($0.rawValue)")) },
                                     selected: typed["status"] ?? "applicant", errors: errors, t) : .empty,
            Forms.text("certificate", value: typed["certificate"], errors: errors, t, required: false, hint: t("volunteer.certificate_hint")),
            Forms.text("firm", value: typed["firm"], errors: errors, t, required: false),
            Forms.textarea("firm_clients", value: typed["firm_clients"], errors: errors, t, required: false),
            Forms.text("skills", value: typed["skills"], errors: errors, t, required: false),
            Forms.text("languages", value: typed["languages"], errors: errors, t, required: false),
            Forms.text("availability", value: typed["availability"], errors: errors, t, required: false),
            Forms.select("user", options: logins, selected: typed["user"], errors: errors, t, required: false),
        ]
    }

    /// A recorded profile as its form shows it (without the phone).
    static func typed(_ volunteer: Volunteer, name: String) -> [String: String] {
        ["office": volunteer.officeID.uuidString, "name": name, "volunteer_kind": volunteer.kind.rawValue,
         "certificate": volunteer.certificate ?? "", "firm": volunteer.firm ?? "", "firm_clients": volunteer.firmClients,
         "skills": volunteer.skills, "languages": volunteer.languages, "availability": volunteer.availability,
         "user": volunteer.userID?.uuidString ?? ""]
    }

    /// Active logins of those offices with no volunteer profile yet, and the one `volunteer` has.
    static func logins(_ request: Request, offices: [Office], keeping volunteer: Volunteer? = nil) async throws -> [(value: String, label: String)] {
        let linked = Set(try await Volunteer.query(on: request.db).visible(try request.visibility(.manageVolunteers)).all().compactMap(\.userID))
            .subtracting([volunteer?.userID].compactMap { $0 })
        return try await User.query(on: request.db).filter(\.$officeID ~~ offices.map { $0.id! }).filter(\.$active == true)
            .sort(\.$displayName).all().filter { !linked.contains($0.id!) }.map { ($0.id!.uuidString, "\($0.displayName) (\($0.login))") }
    }
}
