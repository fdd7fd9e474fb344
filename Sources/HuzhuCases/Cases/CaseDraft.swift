import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// The case form as typed: opening a case, and editing its facts.
struct CaseDraft: Content {
    var title: String?
    var summary: String?
    var dispute_types: [String]?
    var employment_start: String?
    var employment_end: String?
    var last_payday: String?
    var knew_on: String?
    var injury_on: String?
    var next_action_on: String?
    /// Opening only: the contact the case comes from, the first respondent, more workers.
    var contact: String?
    var respondent_name: String?
    var respondent_role: String?
    var roster: String?

    init() {}

    init(_ found: Case, title: String, summary: String) {
        self.title = title
        self.summary = summary
        dispute_types = found.disputeTypes.map(\.rawValue)
        employment_start = found.employmentStart?.description
        employment_end = found.employmentEnd?.description
        last_payday = found.lastPayday?.description
        knew_on = found.knewOn?.description
        injury_on = found.injuryOn?.description
        next_action_on = found.nextActionOn?.description
    }

    static let dateFields = ["employment_start", "employment_end", "last_payday", "knew_on", "injury_on"]

    /// The facts checked: every problem collected, or values ready to store.
    func validate(today: CalendarDate) throws(ValidationErrors) -> CaseFacts {
        var errors = ValidationErrors()
        let title = errors.check { () throws(FieldError) in try CaseInput.text(self.title, field: "title", max: 200) }
        let summary = (self.summary ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if summary.count > 8000 { errors.add("summary", "error.text_too_long") }
        let raw = dispute_types ?? []
        let types = DisputeType.allCases.filter { raw.contains($0.rawValue) }
        if types.isEmpty { errors.add("dispute_types", "error.choose_one") }
        if types.count != Set(raw).count { errors.add("dispute_types", "error.choice_invalid") }
        var dates: [String: CalendarDate] = [:]
        for (field, value) in zip(Self.dateFields, [employment_start, employment_end, last_payday, knew_on, injury_on]) {
            if let date = errors.check({ () throws(FieldError) in try CaseInput.pastDate(value, field: field, today: today) }) {
                dates[field] = date
            }
        }
        if let start = dates["employment_start"], let end = dates["employment_end"], end < start {
            errors.add("employment_end", "error.end_before_start")
        }
        let next = errors.check { () throws(FieldError) in try CaseInput.date(self.next_action_on, field: "next_action_on") }
        try errors.throwIfAny()
        return CaseFacts(title: title!, summary: summary, disputeTypes: types, dates: dates, nextActionOn: next ?? nil)
    }

    /// The case to open, as typed on the form or sent to the API: every problem at once, as field errors.
    func openCase(today: CalendarDate) throws(ValidationErrors) -> OpenCase {
        var errors = ValidationErrors()
        var facts: CaseFacts?
        do { facts = try validate(today: today) } catch { errors.append(contentsOf: error) }
        var opening: (respondent: OpenCase.Respondent?, roster: [RosterLine])?
        do { opening = try validateOpening() } catch { errors.append(contentsOf: error) }
        var contactID: UUID?
        if let raw = contact, !raw.isEmpty {
            contactID = UUID(uuidString: raw)
            if contactID == nil { errors.add("contact", "error.not_found") }
        }
        try errors.throwIfAny()
        return OpenCase(facts: facts!, contactID: contactID, respondent: opening!.respondent, roster: opening!.roster)
    }

    /// The opening's extras checked: the first respondent and the roster.
    func validateOpening() throws(ValidationErrors) -> (respondent: OpenCase.Respondent?, roster: [RosterLine]) {
        var errors = ValidationErrors()
        var respondent: OpenCase.Respondent?
        if let name = respondent_name?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
            let checked = errors.check { () throws(FieldError) in try CaseInput.text(name, field: "respondent_name", max: 200) }
            let role = respondent_role.flatMap(ChainRole.init(rawValue:))
            if role == nil { errors.add("respondent_role", "error.choice_invalid") }
            if let checked, let role { respondent = OpenCase.Respondent(name: checked, role: role) }
        }
        let roster = errors.check { () throws(FieldError) in try RosterLine.parse(self.roster ?? "", field: "roster") }
        try errors.throwIfAny()
        return (respondent, roster ?? [])
    }
}

/// A case's facts after validation.
struct CaseFacts: Sendable {
    var title: String
    var summary: String
    var disputeTypes: [DisputeType]
    var dates: [String: CalendarDate]
    var nextActionOn: CalendarDate?

    func apply(to found: Case, cipher: FieldCipher) throws {
        found.titleCipher = try cipher.seal(title)
        found.summaryCipher = try cipher.seal(summary)
        found.disputeTypes = disputeTypes
        found.employmentStart = dates["employment_start"]
        found.employmentEnd = dates["employment_end"]
        found.lastPayday = dates["last_payday"]
        found.knewOn = dates["knew_on"]
        found.injuryOn = dates["injury_on"]
        found.nextActionOn = nextActionOn
    }
}
