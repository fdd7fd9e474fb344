import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform

/// A new volunteer of an office, as typed on the form, the API or a row of an imported roster.
struct EnrolVolunteer: Sendable {
    var officeID: UUID?
    var name: String
    var phone: String
    var kind: String
    var skills = ""
    var languages = ""
    var availability = ""
    var certificate = ""
    var firm = ""
    var firmClients = ""
    var status = VolunteerStatus.applicant.rawValue
    /// A login of the office to link, if the volunteer signs in.
    var userID: UUID?

    init(form: [String: String]) {
        officeID = form["office"].flatMap(UUID.init(uuidString:))
        name = form["name"] ?? ""
        phone = form["phone"] ?? ""
        kind = form["volunteer_kind"] ?? ""
        skills = form["skills"] ?? ""
        languages = form["languages"] ?? ""
        availability = form["availability"] ?? ""
        certificate = form["certificate"] ?? ""
        firm = form["firm"] ?? ""
        firmClients = form["firm_clients"] ?? ""
        status = form["status"].flatMap { $0.isEmpty ? nil : $0 } ?? VolunteerStatus.applicant.rawValue
        userID = form["user"].flatMap(UUID.init(uuidString:))
    }

    struct Checked: Sendable {
        let name: String
        let phone: PhoneNumber?
        let kind: VolunteerKind
        let status: VolunteerStatus
        let certificate: String?
    }

    func check(today: CalendarDate) throws(ValidationErrors) -> Checked {
        var errors = ValidationErrors()
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { errors.add("name", "error.required") } else if name.count > 100 { errors.add("name", "error.too_long") }
        if officeID == nil { errors.add("office", "error.choice_invalid") }
        let trimmedPhone = phone.trimmingCharacters(in: .whitespaces)
        let phone = trimmedPhone.isEmpty ? nil : errors.check { () throws(FieldError) in try PhoneNumber(trimmedPhone) }
        let kind = VolunteerKind(rawValue: kind)
        if kind == nil { errors.add("volunteer_kind", "error.choice_invalid") }
        let status = VolunteerStatus(rawValue: status)
        if status == nil { errors.add("status", "error.choice_invalid") }
        var number: String?
        if kind == .lawyer || !certificate.trimmingCharacters(in: .whitespaces).isEmpty {
            if certificate.trimmingCharacters(in: .whitespaces).isEmpty {
                errors.add("certificate", "error.required")
            } else {
                number = errors.check { () throws(FieldError) in try PractisingCertificate(certificate, today: today).number }
            }
        }
        for (field, text) in [("skills", skills), ("languages", languages), ("availability", availability), ("firm", firm),
                              ("firm_clients", firmClients)] where text.count > 4000 { errors.add(field, "error.text_too_long") }
        guard errors.isEmpty, let kind, let status else { throw errors }
        return Checked(name: name, phone: phone, kind: kind, status: status, certificate: number)
    }
}

enum Volunteers {
    /// Enrols a volunteer in an office the actor keeps; refuses a login already linked or of another office.
    static func enrol(_ command: EnrolVolunteer, in work: WorkContext) async throws -> Volunteer {
        let checked = try command.check(today: work.today)
        let office = try await work.keptOffice(command.officeID)
        let officeID = office.id!
        if let userID = command.userID {
            guard let user = try await User.find(userID, on: work.db), user.officeID == officeID,
                  try await Volunteer.query(on: work.db).filter(\.$userID == userID).count() == 0
            else { throw ValidationErrors([FieldError("user", "error.login_taken_or_elsewhere")]) }
        }
        let volunteer = try make(command, checked, ngoID: office.ngoID, officeID: officeID, in: work)
        try await work.write { work in
            try await volunteer.create(on: work.db)
            try await history(volunteer, reason: "", in: work)
            try await work.audit(.enrolVolunteer, recordType: "volunteer", recordID: volunteer.id, ngoID: volunteer.ngoID)
        }
        return volunteer
    }

    /// A new profile from a checked command, not yet written.
    static func make(_ command: EnrolVolunteer, _ checked: EnrolVolunteer.Checked, ngoID: UUID, officeID: UUID,
                     in work: WorkContext) throws -> Volunteer {
        let volunteer = Volunteer()
        volunteer.ngoID = ngoID
        volunteer.officeID = officeID
        volunteer.userID = command.userID
        volunteer.nameCipher = try work.cipher.seal(checked.name)
        volunteer.phoneCipher = try checked.phone.map { try work.cipher.seal($0.digits) }
        volunteer.phoneHash = checked.phone.map { work.cipher.lookupHash($0.digits) }
        volunteer.kind = checked.kind
        volunteer.skills = command.skills.trimmingCharacters(in: .whitespacesAndNewlines)
        volunteer.languages = command.languages.trimmingCharacters(in: .whitespacesAndNewlines)
        volunteer.availability = command.availability.trimmingCharacters(in: .whitespacesAndNewlines)
        volunteer.certificate = checked.certificate
        let firm = command.firm.trimmingCharacters(in: .whitespacesAndNewlines)
        volunteer.firm = firm.isEmpty ? nil : firm
        volunteer.firmClients = command.firmClients.trimmingCharacters(in: .whitespacesAndNewlines)
        volunteer.status = checked.status
        volunteer.statusSince = work.today
        volunteer.createdAt = work.now
        return volunteer
    }

    /// Moves a volunteer to another status on a day (not in the future), with a reason.
    static func move(_ volunteer: Volunteer, to raw: String, on rawDay: String, reason: String, in work: WorkContext) async throws {
        var errors = ValidationErrors()
        let status = VolunteerStatus(rawValue: raw)
        if status == nil || !volunteer.status.moves.contains(status!) { errors.add("status", "error.status_move_invalid") }
        let day = CalendarDate(iso: rawDay)
        if day == nil { errors.add("on", "error.date_format") } else if day! > work.today { errors.add("on", "error.date_in_future") }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { errors.add("reason", "error.required") } else if reason.count > 4000 { errors.add("reason", "error.text_too_long") }
        guard errors.isEmpty, let status, let day else { throw errors }
        volunteer.status = status
        volunteer.statusSince = day
        try await work.write { work in
            try await volunteer.save(on: work.db)
            try await history(volunteer, reason: reason, in: work)
            try await work.audit(.moveVolunteer, recordType: "volunteer", recordID: volunteer.id, ngoID: volunteer.ngoID,
                                 detail: AuditDetail(status))
        }
    }

    static func history(_ volunteer: Volunteer, reason: String, in work: WorkContext) async throws {
        let change = VolunteerStatusChange()
        change.volunteerID = volunteer.id!
        change.status = volunteer.status
        change.on = volunteer.statusSince
        change.reason = reason
        change.byID = work.actor.userID
        change.at = work.now
        try await change.create(on: work.db)
    }
}
