import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import SQLKit

/// A partner enterprise (an employer record) and the terms of the partnership: its sites and workshops
/// as coarse units, how often it gets a report, who at the NGO is responsible, and the anonymity
/// threshold k below which no count is shown to it.
package final class Partnership: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "partnerships"
    package static let officeKey: FieldKey? = "office_id"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    /// The office that holds the partnership and works its feedback (nil only for a partnership older
    /// than offices holding them, in an NGO that has no office: then only NGO-wide roles reach it).
    @OptionalField(key: "office_id") package var officeID: UUID?
    @Field(key: "employer_id") package var employerID: UUID
    @Field(key: "name") package var name: String
    @Field(key: "start_on") package var startOn: CalendarDate
    @OptionalField(key: "end_on") package var endOn: CalendarDate?
    /// One site or workshop per line.
    @Field(key: "sites") package var sitesText: String
    @Field(key: "report_months") package var reportMonths: Int
    @Field(key: "responsible_id") package var responsibleID: UUID
    @Field(key: "k") package var k: Int
    /// The unguessable id in the public form's address (a poster on the factory floor).
    @Field(key: "form_token") package var formToken: UUID
    @Field(key: "created_at") package var createdAt: Date

    package init() {}

    /// Whose the partnership and its feedback are: its office's, like contacts and cases.
    package var scope: Scope {
        officeID.map { .office(ngo: ngoID, office: $0) } ?? .ngo(ngoID)
    }

    package var sites: [String] {
        sitesText.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// An enterprise liaison account of a partnership.
package final class PartnerLiaison: Model, @unchecked Sendable {
    package static let schema = "partner_liaisons"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "partnership_id") package var partnershipID: UUID
    @Field(key: "user_id") package var userID: UUID

    package init() {}
}

/// A worker's grievance or suggestion about a partner enterprise. What could identify the worker (their
/// words, name and number) is encrypted and never leaves the NGO; the enterprise sees only a summary
/// the NGO wrote and approved.
package final class Feedback: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "feedback"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "partnership_id") package var partnershipID: UUID
    @Field(key: "channel") package var channel: Channel
    @OptionalField(key: "site") package var site: String?
    @Field(key: "category") package var category: FeedbackCategory
    @Field(key: "severity") package var severity: FeedbackSeverity
    @Field(key: "treatment") package var treatment: FeedbackTreatment
    @Field(key: "description_cipher") package var descriptionCipher: Data
    @OptionalField(key: "name_cipher") package var nameCipher: Data?
    @OptionalField(key: "callback_cipher") package var callbackCipher: Data?
    @Field(key: "status") package var status: FeedbackStatus
    /// The rewritten text the enterprise may see, once approved.
    @OptionalField(key: "summary") package var summary: String?
    @OptionalField(key: "summary_approved_by") package var summaryApprovedBy: UUID?
    @OptionalField(key: "forwarded_at") package var forwardedAt: Date?
    @OptionalField(key: "escalated_at") package var escalatedAt: Date?
    @OptionalField(key: "ack_due_at") package var ackDueAt: Date?
    @OptionalField(key: "acknowledged_at") package var acknowledgedAt: Date?
    @OptionalField(key: "response") package var response: String?
    @OptionalField(key: "responded_at") package var respondedAt: Date?
    @OptionalField(key: "verdict") package var verdict: FeedbackVerdict?
    @OptionalField(key: "contact_id") package var contactID: UUID?

    /// The worker's name as the enterprise may see it: only when they agreed to be named to it, and only
    /// once the NGO forwarded the item.
    func nameForEnterprise(_ cipher: FieldCipher) throws -> String? {
        guard treatment == .named, forwardedAt != nil, let sealed = nameCipher else { return nil }
        return try cipher.open(sealed)
    }
    @Field(key: "created_at") package var createdAt: Date
    @OptionalField(key: "closed_at") package var closedAt: Date?

    package init() {}

    package enum Channel: String, Codable, CaseIterable, Sendable { case webForm = "web_form", hotline, sms, qq, staff }
}

/// The NGO's working notes on a piece of feedback (never shown to the enterprise).
package final class FeedbackNote: Model, @unchecked Sendable {
    package static let schema = "feedback_notes"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "feedback_id") package var feedbackID: UUID
    @Field(key: "text") package var text: String
    @Field(key: "author_id") package var authorID: UUID
    @Field(key: "created_at") package var createdAt: Date

    package init() {}
}

/// A periodic report issued to a partner enterprise, kept as it was issued. A report covers a whole
/// month or quarter (`period`); a correction is a revision of the same period that replaces it, with a
/// reason. `shownTotal` is the total as the report showed it (nil: under k), which later reports repeat
/// as their trend.
package final class EnterpriseReport: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "enterprise_reports"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "partnership_id") package var partnershipID: UUID
    @Field(key: "period_from") package var periodFrom: CalendarDate
    @Field(key: "period_to") package var periodTo: CalendarDate
    @Field(key: "html") package var html: String
    @Field(key: "issued_by") package var issuedBy: UUID
    @Field(key: "issued_at") package var issuedAt: Date
    /// `2026-03` or `2026-Q1` (`ReportPeriod`); nil only on reports issued before periods were whole
    /// months or quarters. Read and written as `period`.
    @OptionalField(key: "period") package var periodCode: String?
    @OptionalField(key: "shown_total") package var shownTotal: Int?
    @OptionalField(key: "replaces_id") package var replacesID: UUID?
    @OptionalField(key: "revision_reason") package var revisionReason: String?

    package init() {}

    package var period: ReportPeriod? {
        get { periodCode.flatMap(ReportPeriod.init) }
        set { periodCode = newValue?.description }
    }

    /// The period as lists show it: its code, or an old report's days.
    package var periodLabel: String { periodCode ?? "\(periodFrom) – \(periodTo)" }

}
