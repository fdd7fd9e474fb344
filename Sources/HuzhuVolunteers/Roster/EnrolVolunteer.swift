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
    /// Enrols a volunteer in an office the actor keeps; refuses a login already linked or of another
    /// office, and a phone the NGO's corps already has.
    static func enrol(_ command: EnrolVolunteer, in work: WorkContext) async throws -> Volunteer {
        let checked = try command.check(today: work.today)
        let office = try await work.keptOffice(command.officeID)
        try await checkOthers(command, checked, office: office, except: nil, in: work)
        let volunteer = try make(command, checked, ngoID: office.ngoID, officeID: office.id!, in: work)
        try await work.write { work in
            try await volunteer.create(on: work.db)
            try await history(volunteer, reason: "", in: work)
            try await work.audit(.enrolVolunteer, recordType: "volunteer", recordID: volunteer.id, ngoID: volunteer.ngoID)
        }
        return volunteer
    }

    /// Corrects a profile: who they are, what they do, their home office (one of the same NGO the actor
    /// keeps) and login. Their status moves only with a reason (`move`); an empty phone keeps the one recorded.
    static func update(_ volunteer: Volunteer, _ command: EnrolVolunteer, in work: WorkContext) async throws {
        let checked = try command.check(today: work.today)
        let office = try await work.keptOffice(command.officeID)
        guard office.ngoID == volunteer.ngoID else { throw ValidationErrors([FieldError("office", "error.choice_invalid")]) }
        try await checkOthers(command, checked, office: office, except: volunteer.id, in: work)
        volunteer.officeID = office.id!
        try fill(volunteer, command, checked, in: work)
        try await work.write { work in
            try await volunteer.save(on: work.db)
            try await work.audit(.updateVolunteer, recordType: "volunteer", recordID: volunteer.id, ngoID: volunteer.ngoID)
        }
    }

    /// A login may belong to one profile, of the office the volunteer serves; a phone to one volunteer of the NGO.
    private static func checkOthers(_ command: EnrolVolunteer, _ checked: EnrolVolunteer.Checked, office: Office, except: UUID?,
                                    in work: WorkContext) async throws {
        var errors = ValidationErrors()
        if let userID = command.userID {
            let others = Volunteer.query(on: work.db).filter(\.$userID == userID)
            if let except { others.filter(\.$id != except) }
            let user = try await User.find(userID, on: work.db)
            let taken = try await others.count() > 0
            if user?.officeID != office.id || taken { errors.add("user", "error.login_taken_or_elsewhere") }
        }
        if let phone = checked.phone {
            let others = Volunteer.query(on: work.db).filter(\.$ngoID == office.ngoID).filter(\.$phoneHash == work.cipher.lookupHash(phone.digits))
            if let except { others.filter(\.$id != except) }
            if try await others.count() > 0 { errors.add("phone", "error.volunteer_phone_known") }
        }
        try errors.throwIfAny()
    }

    /// A new profile from a checked command, not yet written.
    static func make(_ command: EnrolVolunteer, _ checked: EnrolVolunteer.Checked, ngoID: UUID, officeID: UUID,
                     in work: WorkContext) throws -> Volunteer {
        let volunteer = Volunteer()
        volunteer.ngoID = ngoID
        volunteer.officeID = officeID
        try fill(volunteer, command, checked, in: work)
        volunteer.status = checked.status
        volunteer.statusSince = work.today
        volunteer.createdAt = work.now
        return volunteer
    }

    /// Everything of a profile but its place and status, as the command says (an absent phone kept).
    private static func fill(_ volunteer: Volunteer, _ command: EnrolVolunteer, _ checked: EnrolVolunteer.Checked,
                             in work: WorkContext) throws {
        volunteer.userID = command.userID
        volunteer.nameCipher = try work.cipher.seal(checked.name)
        if let phone = checked.phone {
            volunteer.phoneCipher = try work.cipher.seal(phone.digits)
            volunteer.phoneHash = work.cipher.lookupHash(phone.digits)
        }
        volunteer.kind = checked.kind
        volunteer.skills = command.skills.trimmingCharacters(in: .whitespacesAndNewlines)
        volunteer.languages = command.languages.trimmingCharacters(in: .whitespacesAndNewlines)
        volunteer.availability = command.availability.trimmingCharacters(in: .whitespacesAndNewlines)
        volunteer.certificate = checked.certificate
        let firm = command.firm.trimmingCharacters(in: .whitespacesAndNewlines)
        volunteer.firm = firm.isEmpty ? nil : firm
        volunteer.firmClients = command.firmClients.trimmingCharacters(in: .whitespacesAndNewlines)
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
