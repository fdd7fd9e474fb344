import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// A volunteer (or a member of staff who works shifts) of an office: who they are, what they can do,
/// where they stand. A volunteer may have a login (`userID`) or not. Their name and phone are sealed
/// like a worker's; the phone is also kept as a keyed hash to find duplicates.
package final class Volunteer: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "volunteers"
    package static let officeKey: FieldKey? = "office_id"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "office_id") package var officeID: UUID
    @OptionalField(key: "user_id") package var userID: UUID?
    @Field(key: "name_cipher") package var nameCipher: Data
    @OptionalField(key: "phone_cipher") package var phoneCipher: Data?
    @OptionalField(key: "phone_hash") package var phoneHash: String?
    @Field(key: "kind") package var kind: VolunteerKind
    @Field(key: "skills") package var skills: String
    @Field(key: "languages") package var languages: String
    @Field(key: "availability") package var availability: String
    /// A lawyer's practising-certificate number (17 digits) and firm.
    @OptionalField(key: "certificate") package var certificate: String?
    @OptionalField(key: "firm") package var firm: String?
    /// Employers the lawyer's firm acts for, one per line: assigning them a case against one is refused.
    @Field(key: "firm_clients") package var firmClients: String
    @Field(key: "status") package var status: VolunteerStatus
    @Field(key: "status_since") package var statusSince: CalendarDate
    @Field(key: "created_at") package var createdAt: Date

    package init() {}

    package var scope: Scope { .office(ngo: ngoID, office: officeID) }

    package var firmClientNames: [String] {
        firmClients.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// One move of a volunteer's status, with its date and reason.
package final class VolunteerStatusChange: Model, @unchecked Sendable {
    package static let schema = "volunteer_status_changes"

    @ID(key: .id) package var id: UUID?
    @Field(key: "volunteer_id") package var volunteerID: UUID
    @Field(key: "status") package var status: VolunteerStatus
    @Field(key: "on") package var on: CalendarDate
    @Field(key: "reason") package var reason: String
    @Field(key: "by_id") package var byID: UUID
    @Field(key: "at") package var at: Date

    package init() {}
}

/// A course volunteers take before duty, and how long a completion stays good (nil: for good).
package final class Course: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "courses"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "name") package var name: String
    @OptionalField(key: "validity_months") package var validityMonths: Int?
    @Field(key: "created_at") package var createdAt: Date

    package init() {}

    var gateCourse: TrainingGate.Course { TrainingGate.Course(id: id!, validityMonths: validityMonths) }
}

/// A volunteer's completion of a course: when, with whom, and whether they passed.
package final class CourseCompletion: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "course_completions"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "volunteer_id") package var volunteerID: UUID
    @Field(key: "course_id") package var courseID: UUID
    @Field(key: "completed_on") package var completedOn: CalendarDate
    @Field(key: "trainer") package var trainer: String
    @Field(key: "passed") package var passed: Bool
    @Field(key: "recorded_by") package var recordedBy: UUID

    package init() {}

    var gateCompletion: TrainingGate.Completion { TrainingGate.Completion(courseID: courseID, completedOn: completedOn, passed: passed) }
}

/// A course a duty requires, for the whole NGO.
package final class DutyRequirement: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "duty_requirements"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "duty") package var duty: Duty
    @Field(key: "course_id") package var courseID: UUID

    package init() {}
}
