import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// A dispute the NGO takes on for one or many workers against one or more employers.
package final class Case: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "cases"
    package static let officeKey: FieldKey? = "office_id"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "office_id") package var officeID: UUID
    /// Readable number, unique within the NGO: `BJ-2026-00042`.
    @Field(key: "number") package var number: String
    /// Sealed (`title(_:)`): a title may name a worker. Found by part through `SearchGrams`.
    @Field(key: "title_cipher") package var titleCipher: Data
    /// The facts of the case as staff wrote them (often the worker's own account), sealed (`summary(_:)`).
    @Field(key: "summary_cipher") package var summaryCipher: Data
    @Field(key: "status") package var status: CaseStatus
    /// The dispute types, a bit each (`DisputeTypes`).
    @Field(key: "dispute_mask") package var disputeTypeSet: DisputeTypes
    @OptionalField(key: "contact_id") package var contactID: UUID?
    @OptionalField(key: "employment_start") package var employmentStart: CalendarDate?
    @OptionalField(key: "employment_end") package var employmentEnd: CalendarDate?
    @OptionalField(key: "last_payday") package var lastPayday: CalendarDate?
    @OptionalField(key: "knew_on") package var knewOn: CalendarDate?
    @OptionalField(key: "injury_on") package var injuryOn: CalendarDate?
    /// The next step's date; an open case past it is overdue.
    @OptionalField(key: "next_action_on") package var nextActionOn: CalendarDate?
    @OptionalField(key: "closing_code") package var closingCode: ClosingCode?
    /// A closing waiting for a supervisor: its code, reason, date and who asked.
    @OptionalField(key: "pending_closing_code") package var pendingClosingCode: ClosingCode?
    @OptionalField(key: "pending_reason") package var pendingReason: String?
    @OptionalField(key: "pending_on") package var pendingOn: CalendarDate?
    @OptionalField(key: "pending_by") package var pendingBy: UUID?
    @Field(key: "opened_on") package var openedOn: CalendarDate
    @Field(key: "opened_by") package var openedBy: UUID
    @Field(key: "created_at") package var createdAt: Date
    @Field(key: "updated_at") package var updatedAt: Date

    package init() {}

    package func openSummary(_ cipher: FieldCipher) throws -> String { try cipher.open(summaryCipher) }
    package func openTitle(_ cipher: FieldCipher) throws -> String { try cipher.open(titleCipher) }

    package var disputeTypes: [DisputeType] {
        get { disputeTypeSet.types }
        set { disputeTypeSet = DisputeTypes(newValue) }
    }
}

/// A worker the case is for.
package final class CaseWorker: Model, @unchecked Sendable {
    package static let schema = "case_workers"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "case_id") package var caseID: UUID
    @Field(key: "worker_id") package var workerID: UUID
    @Field(key: "added_at") package var addedAt: Date

    package init() {}
}

/// An employer the case is against, in its place in the chain.
package final class CaseRespondent: Model, @unchecked Sendable {
    package static let schema = "case_respondents"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "case_id") package var caseID: UUID
    @Field(key: "employer_id") package var employerID: UUID
    @Field(key: "role") package var role: ChainRole

    package init() {}
}

/// A member of staff or a volunteer lawyer working the case. A lawyer confirms they have no conflict
/// of interest with the respondents before they first open it.
package final class CaseAssignee: Model, @unchecked Sendable {
    package static let schema = "case_assignees"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "case_id") package var caseID: UUID
    @Field(key: "user_id") package var userID: UUID
    @Field(key: "assigned_at") package var assignedAt: Date
    @OptionalField(key: "conflict_confirmed_at") package var conflictConfirmedAt: Date?

    package init() {}
}
