import Fluent
import Foundation
import HuzhuPlatform
import HuzhuCore

/// An office's people's mediation committee, authorised by the district's justice bureau.
package final class MediationCommittee: Model, @unchecked Sendable {
    package static let schema = "mediation_committees"

    /// The office's id: one committee per office.
    @ID(custom: .id, generatedBy: .user) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "name") package var name: String
    @Field(key: "authorised_by") package var authorisedBy: String
    @OptionalField(key: "authorised_on") package var authorisedOn: CalendarDate?

    package init() {}
}

/// A member of a committee (staff or volunteer), from their appointment.
package final class Mediator: Model, @unchecked Sendable {
    package static let schema = "mediators"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "office_id") package var officeID: UUID
    @Field(key: "user_id") package var userID: UUID
    @Field(key: "appointed_on") package var appointedOn: CalendarDate
    @OptionalField(key: "ended_on") package var endedOn: CalendarDate?

    package init() {}
}

/// A mediation session on a case: where and when, who mediated, who came, what was said, how it ended.
package final class MediationSession: Model, @unchecked Sendable {
    package static let schema = "mediation_sessions"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "case_id") package var caseID: UUID
    @Field(key: "held_on") package var heldOn: CalendarDate
    @Field(key: "place") package var place: Place
    @OptionalField(key: "address") package var address: String?
    /// The mediators' user ids, comma-separated.
    @Field(key: "mediator_ids") package var mediatorIDsText: String
    /// Who came: one person per line, with their side and role (`张建国 工友`, `李某 总包项目经理`).
    @Field(key: "parties") package var parties: String
    @Field(key: "discussion") package var discussion: String
    @Field(key: "result") package var result: Result
    @OptionalField(key: "adjourned_to") package var adjournedTo: CalendarDate?
    @Field(key: "recorded_by") package var recordedBy: UUID
    @Field(key: "created_at") package var createdAt: Date

    package init() {}

    package enum Place: String, Codable, CaseIterable, Sendable { case office, onSite = "on_site" }
    package enum Result: String, Codable, CaseIterable, Sendable { case agreement, partial, noAgreement = "no_agreement", adjourned }

    package var mediatorIDs: [UUID] {
        get { mediatorIDsText.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
        set { mediatorIDsText = newValue.map(\.uuidString).joined(separator: ",") }
    }
}

/// A people's mediation agreement: its parties, facts, terms and schedule, the day it takes effect,
/// and its signed copy.
package final class MediationAgreement: Model, @unchecked Sendable {
    package static let schema = "mediation_agreements"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "case_id") package var caseID: UUID
    @OptionalField(key: "session_id") package var sessionID: UUID?
    @Field(key: "number") package var number: String
    @Field(key: "parties") package var parties: String
    @Field(key: "facts") package var facts: String
    @Field(key: "terms") package var terms: String
    @Field(key: "effective_on") package var effectiveOn: CalendarDate
    @OptionalField(key: "signed_file_id") package var signedFileID: UUID?
    @Field(key: "created_by") package var createdBy: UUID
    @Field(key: "created_at") package var createdAt: Date

    package init() {}
}

/// An amount an agreement settles for one worker under one head; it becomes the claim's agreed amount.
package final class AgreementTerm: Model, @unchecked Sendable {
    package static let schema = "agreement_terms"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "agreement_id") package var agreementID: UUID
    @Field(key: "claim_id") package var claimID: UUID
    @Field(key: "amount_fen") package var amountFen: Int64

    package init() {}
}

/// One payment the agreement's schedule expects, by a date.
package final class Instalment: Model, @unchecked Sendable {
    package static let schema = "instalments"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "agreement_id") package var agreementID: UUID
    @Field(key: "case_id") package var caseID: UUID
    @Field(key: "due_on") package var dueOn: CalendarDate
    @Field(key: "amount_fen") package var amountFen: Int64

    package init() {}
}

/// A reminder raised for a person once: a deadline or an instalment coming due or overdue.
package final class Reminder: Model, @unchecked Sendable {
    package static let schema = "reminders"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "user_id") package var userID: UUID
    @Field(key: "case_id") package var caseID: UUID
    /// What and which threshold (`limitation:2026-12-01:7`): unique per person, so it is raised once.
    @Field(key: "key") package var key: String
    @Field(key: "item") package var item: String
    @Field(key: "due_on") package var dueOn: CalendarDate
    @Field(key: "raised_at") package var raisedAt: Date

    package init() {}
}

/// A document generated from a case and finalised: the page as it was, kept as a dated version.
package final class CaseDocument: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "case_documents"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "case_id") package var caseID: UUID
    @Field(key: "kind") package var kind: String
    @Field(key: "version") package var version: Int
    /// The page as finalised, sealed: it names the workers and their claims.
    @Field(key: "html_cipher") package var htmlCipher: Data
    @Field(key: "finalised_by") package var finalisedBy: UUID
    @Field(key: "finalised_at") package var finalisedAt: Date

    package init() {}
}
