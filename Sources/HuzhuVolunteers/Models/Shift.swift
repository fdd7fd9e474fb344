import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// A shift of an office: a duty from a start to an end (instants; shown in Beijing time), with places for
/// `capacity` people, `taken` of them held. Shifts made from one weekly template share a `seriesID`.
package final class Shift: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "shifts"
    package static let officeKey: FieldKey? = "office_id"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "office_id") package var officeID: UUID
    @Field(key: "duty") package var duty: Duty
    @Field(key: "starts_at") package var startsAt: Date
    @Field(key: "ends_at") package var endsAt: Date
    @Field(key: "capacity") package var capacity: Int
    /// Places held, kept by the one statement that takes a place only while one is free.
    @Field(key: "taken") package var taken: Int
    @OptionalField(key: "series_id") package var seriesID: UUID?
    @Field(key: "created_by") package var createdBy: UUID
    @Field(key: "created_at") package var createdAt: Date

    package init() {}

    package var scope: Scope { .office(ngo: ngoID, office: officeID) }
    var day: CalendarDate { CalendarDate(startsAt) }
    var minutes: Int { Int(endsAt.timeIntervalSince(startsAt) / 60) }
}

/// A volunteer's place on a shift: who put them there, and their attendance. A cancelled place stays,
/// with when it was given up; signing up again takes it back.
package final class ShiftPlace: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "shift_places"
    package static let officeKey: FieldKey? = "office_id"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "office_id") package var officeID: UUID
    @Field(key: "shift_id") package var shiftID: UUID
    @Field(key: "volunteer_id") package var volunteerID: UUID
    @Field(key: "placed_by") package var placedBy: UUID
    @Field(key: "placed_at") package var placedAt: Date
    @OptionalField(key: "cancelled_at") package var cancelledAt: Date?
    @OptionalField(key: "checked_in_at") package var checkedInAt: Date?
    @OptionalField(key: "checked_out_at") package var checkedOutAt: Date?

    package init() {}
}

/// Hours a person put in: a shift attended (logged at check-out or confirmed by staff) or work outside
/// shifts (case work, travel), approved by a supervisor before they count.
package final class HourLog: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "hour_logs"
    package static let officeKey: FieldKey? = "office_id"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "office_id") package var officeID: UUID
    @Field(key: "volunteer_id") package var volunteerID: UUID
    @OptionalField(key: "shift_id") package var shiftID: UUID?
    @Field(key: "worked_on") package var workedOn: CalendarDate
    @Field(key: "minutes") package var minutes: Int
    @Field(key: "kind") package var kind: HoursKind
    /// What was done, sealed: it may name a worker's case.
    @OptionalField(key: "note_cipher") package var noteCipher: Data?
    @Field(key: "logged_by") package var loggedBy: UUID
    @Field(key: "logged_at") package var loggedAt: Date
    @OptionalField(key: "approved_by") package var approvedBy: UUID?
    @OptionalField(key: "approved_at") package var approvedAt: Date?
    @OptionalField(key: "rejected_at") package var rejectedAt: Date?

    package init() {}

    package var scope: Scope { .office(ngo: ngoID, office: officeID) }
    var pending: Bool { approvedAt == nil && rejectedAt == nil }
}
