import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// An existing roster (a spreadsheet saved as CSV) brought into an office: every row checked as the
/// enrolment form checks it (the preview), then the valid rows that are new to the NGO enrolled in one
/// transaction. A row needs a phone, by which a roster imported twice, or a volunteer already known, is
/// recognised and skipped rather than enrolled again.
struct RosterImport {
    /// The columns a roster may have, with the headers NGOs write for them; `name` and `phone` are needed.
    static let columns: [(field: String, headers: [String])] = [
        ("name", ["姓名", "名字", "name", "full name"]),
        ("phone", ["电话", "手机", "手机号", "手机号码", "联系电话", "phone", "mobile"]),
        ("volunteer_kind", ["类别", "类型", "志愿者类别", "身份", "kind", "type"]),
        ("status", ["状态", "status"]),
        ("certificate", ["执业证号", "执业证", "律师执业证号", "certificate", "practising certificate"]),
        ("firm", ["律所", "律师事务所", "所在律所", "firm", "law firm"]),
        ("firm_clients", ["律所客户", "律所代理的用人单位", "firm clients", "clients"]),
        ("skills", ["技能", "专长", "skills"]),
        ("languages", ["语言", "方言", "languages"]),
        ("availability", ["可服务时间", "服务时间", "availability"]),
    ]

    struct Problem: Sendable {
        /// The row's line in the file (the header is line 1).
        let line: Int
        let errors: [FieldError]
    }

    struct Plan: Sendable {
        var valid: [(line: Int, command: EnrolVolunteer, checked: EnrolVolunteer.Checked)] = []
        var problems: [Problem] = []
        /// Rows whose phone the NGO's corps already has.
        var known: [Int] = []
        /// Rows repeating the phone of an earlier row of the file.
        var repeated: [Int] = []
        /// The file's columns as recognised: field → column index.
        var recognised: [String: Int] = [:]

        var total: Int { valid.count + problems.count + known.count + repeated.count }
    }

    /// The file's header row read: which column holds which field. Throws when no column holds names or phones.
    static func recognise(_ headers: [String]) throws(ValidationErrors) -> [String: Int] {
        var found: [String: Int] = [:]
        for (index, header) in headers.enumerated() {
            let key = header.trimmingCharacters(in: .whitespaces).lowercased()
            if let column = columns.first(where: { $0.headers.contains(key) }), found[column.field] == nil { found[column.field] = index }
        }
        var errors = ValidationErrors()
        for needed in ["name", "phone"] where found[needed] == nil { errors.add("file", "error.roster_needs_\(needed)") }
        try errors.throwIfAny()
        return found
    }

    /// A kind or status as a spreadsheet writes it: its code, or its name in Chinese or English.
    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ type: T.Type, named key: (T) -> String) -> String
    where T.RawValue == String {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        let names = Language.allCases.map { Localizer($0) }
        return T.allCases.first { value in
            value.rawValue == wanted || names.contains { $0(key(value)).lowercased() == wanted }
        }?.rawValue ?? text
    }

    static func plan(_ rows: [[String]], officeID: UUID, ngoID: UUID, in work: WorkContext) async throws -> Plan {
        var plan = Plan()
        plan.recognised = try recognise(rows.first ?? [])
        var candidates: [(line: Int, command: EnrolVolunteer, checked: EnrolVolunteer.Checked, hash: String)] = []
        var seen: Set<String> = []
        for (index, row) in rows.dropFirst().enumerated() {
            let line = index + 2
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var form = ["office": officeID.uuidString]
            for (field, column) in plan.recognised where column < row.count { form[field] = row[column] }
            // A roster that does not say what someone does enrols them as "other", to be corrected on their page.
            form["volunteer_kind"] = form["volunteer_kind"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
                .map { choice($0, VolunteerKind.self) { "volunteer.kind.\($0.rawValue)" } } ?? VolunteerKind.other.rawValue
            form["status"] = form["status"].map { choice($0, VolunteerStatus.self) { "volunteer.status.\($0.rawValue)" } }
            form["firm_clients"] = form["firm_clients"].map { $0.replacingOccurrences(of: "；", with: "\n").replacingOccurrences(of: ";", with: "\n") }
            let command = EnrolVolunteer(form: form)
            do {
                let checked = try command.check(today: work.today)
                guard let phone = checked.phone else { throw ValidationErrors([FieldError("phone", "error.required")]) }
                let hash = work.cipher.lookupHash(phone.digits)
                if !seen.insert(hash).inserted { plan.repeated.append(line); continue }
                candidates.append((line, command, checked, hash))
            } catch let errors as ValidationErrors {
                plan.problems.append(Problem(line: line, errors: errors.errors))
            }
        }
        var known: Set<String> = []
        for slice in candidates.map(\.hash).chunks(of: 500) {
            known.formUnion(try await Volunteer.query(on: work.db).filter(\.$ngoID == ngoID).filter(\.$phoneHash ~~ Array(slice))
                .all().compactMap(\.phoneHash))
        }
        for candidate in candidates {
            if known.contains(candidate.hash) { plan.known.append(candidate.line) }
            else { plan.valid.append((candidate.line, candidate.command, candidate.checked)) }
        }
        return plan
    }
}

extension Volunteers {
    /// Enrols a roster's valid new rows in an office the actor keeps, in one transaction; planned inside
    /// it, so that a second press, or a volunteer enrolled meanwhile, is skipped rather than doubled.
    static func importRoster(_ rows: [[String]], officeID: UUID, in work: WorkContext) async throws -> RosterImport.Plan {
        let office = try await work.keptOffice(officeID)
        return try await work.write { work in
            let plan = try await RosterImport.plan(rows, officeID: officeID, ngoID: office.ngoID, in: work)
            for row in plan.valid {
                let volunteer = try make(row.command, row.checked, ngoID: office.ngoID, officeID: officeID, in: work)
                try await volunteer.create(on: work.db)
                try await history(volunteer, reason: "", in: work)
            }
            try await work.audit(.importVolunteers, recordType: "office", recordID: officeID, ngoID: office.ngoID,
                                 detail: .count(plan.valid.count, "imported") + .count(plan.total - plan.valid.count, "skipped"))
            return plan
        }
    }
}
