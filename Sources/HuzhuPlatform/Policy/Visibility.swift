import FluentKit
import Foundation
import SQLKit

/// Which records a person may see: every NGO's, one NGO's, one office's of an NGO, or none. Decided by
/// the policy (`Policy.visibility`, `Policy.tenant`); applied to a query by `QueryBuilder.visible`.
package enum Visibility: Sendable, Equatable {
    case network
    case ngo(UUID)
    case office(ngo: UUID, office: UUID)
    case nothing

    /// The NGO the records belong to, when one.
    package var ngoID: UUID? {
        switch self {
        case .ngo(let ngo), .office(let ngo, _): ngo
        case .network, .nothing: nil
        }
    }

    /// The office the records belong to, when one.
    package var officeID: UUID? {
        if case .office(_, let office) = self { return office }
        return nil
    }

    /// Whether a record of this NGO (and office, when the records are held by offices) is visible.
    package func contains(ngo: UUID, office: UUID?) -> Bool {
        switch self {
        case .network: true
        case .ngo(let mine): mine == ngo
        case .office(let mine, let myOffice): mine == ngo && (office == nil || office == myOffice)
        case .nothing: false
        }
    }
}

/// A record kept for one NGO (its `ngo_id` column) and, when `officeKey` names a column, for one office
/// of it. Lists and lookups of such records are narrowed by `QueryBuilder.visible`, never by hand.
package protocol TenantRecord: Model {
    /// The column of the office that holds the record; nil for records the whole NGO holds.
    static var officeKey: FieldKey? { get }
}

extension TenantRecord {
    package static var officeKey: FieldKey? { nil }
}

extension QueryBuilder where Model: TenantRecord {
    /// Narrows the query to the records the visibility allows. For records held by the whole NGO, an
    /// office's visibility is its NGO's.
    @discardableResult
    package func visible(_ visibility: Visibility) -> Self {
        switch visibility {
        case .network:
            return self
        case .ngo(let ngo):
            return filter("ngo_id", .equal, ngo)
        case .office(let ngo, let office):
            filter("ngo_id", .equal, ngo)
            if let key = Model.officeKey { filter(key, .equal, office) }
            return self
        case .nothing:
            return filter(.custom(SQLLiteral.boolean(false)))
        }
    }
}
