import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// A person the NGO serves. The name only as ciphertext, a keyed hash (for duplicates) and search grams
/// (`SearchGrams`); phone numbers live in `WorkerPhone` and the ID number here, both only as
/// ciphertext and keyed hashes.
package final class Worker: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "workers"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    /// The office that first recorded the worker.
    @Field(key: "office_id") package var officeID: UUID
    /// Read with `name(_:)`, written with `WorkerName.set` (which keeps the hash and grams with it).
    @Field(key: "name_cipher") package var nameCipher: Data
    @Field(key: "name_hash") package var nameHash: String
    @Field(key: "gender") package var gender: Gender
    @OptionalField(key: "birth_year") package var birthYear: Int?
    @OptionalField(key: "home_province") package var homeProvince: String?
    @OptionalField(key: "current_city") package var currentCity: String?
    @OptionalField(key: "industry") package var industry: String?
    @OptionalField(key: "employer") package var employer: String?
    @OptionalField(key: "languages") package var languages: String?
    /// Staff's notes about the worker, sealed (`openNotes`).
    @OptionalField(key: "notes_cipher") package var notesCipher: Data?
    /// Consents, each as the ISO date it was given (nil: not given).
    @OptionalField(key: "consent_network_on") package var consentNetworkOn: CalendarDate?
    @OptionalField(key: "consent_sms_on") package var consentSMSOn: CalendarDate?
    @OptionalField(key: "consent_story_on") package var consentStoryOn: CalendarDate?
    @OptionalField(key: "id_cipher") package var idCipher: Data?
    @OptionalField(key: "id_hash") package var idHash: String?
    @OptionalField(key: "id_network_hash") package var idNetworkHash: String?
    /// Set when this record was merged into another; merged records are kept (their history points here)
    /// but no longer listed.
    @OptionalField(key: "merged_into") package var mergedInto: UUID?
    @Field(key: "created_at") package var createdAt: Date
    @OptionalField(key: "created_by") package var createdBy: UUID?
    /// Set when the worker's personal data was erased (on their request, or by the retention rule):
    /// the record stays, anonymous, so that what was done for them still counts.
    @OptionalField(key: "erased_at") package var erasedAt: Date?
    @OptionalField(key: "erased_by") package var erasedBy: UUID?
    /// When and how the worker asked for erasure, as staff wrote it (sealed; never in the audit log).
    @OptionalField(key: "erasure_reference_cipher") package var erasureReferenceCipher: Data?

    package init() {}

    package func openName(_ cipher: FieldCipher) throws -> String { try cipher.open(nameCipher) }
    package func openNotes(_ cipher: FieldCipher) throws -> String? { try notesCipher.map { try cipher.open($0) } }
}

package enum Gender: String, Codable, CaseIterable, Sendable {
    case female, male, other, unknown
}

/// One phone number of a worker: ciphertext, the deployment's lookup hash and the network's hash.
package final class WorkerPhone: Model, @unchecked Sendable {
    package static let schema = "worker_phones"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "worker_id") package var workerID: UUID
    @Field(key: "cipher") package var cipher: Data
    @Field(key: "lookup_hash") package var lookupHash: String
    @Field(key: "network_hash") package var networkHash: String
    @Field(key: "kind") package var kind: String
    @Field(key: "created_at") package var createdAt: Date

    package init() {}
}
