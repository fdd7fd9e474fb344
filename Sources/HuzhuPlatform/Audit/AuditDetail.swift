import Foundation

/// What an audit row may say beyond its action and record: words written in the code, values from a
/// closed list, the names of the fields a change touched, other records' ids and counts. Never a value
/// anyone typed, a name, a phone number or a file name: the log outlives erasure, so it holds ids, never
/// words about a person. The type has no initialiser that takes a runtime string.
package struct AuditDetail: Sendable, Equatable {
    package let text: String

    private init(text: String) { self.text = text }

    /// Words of the code: what kind of access or step it was ("phone lookup").
    package init(_ words: StaticString) { text = words.description }

    /// A value of a closed list: a status, a role, a channel.
    package init<Value: RawRepresentable>(_ value: Value) where Value.RawValue == String { text = value.rawValue }

    /// The names of the fields a change touched, never their values.
    package static func fields(_ names: StaticString...) -> AuditDetail {
        AuditDetail(text: "fields: " + names.map(\.description).joined(separator: ", "))
    }

    /// Another record the action concerns (merged into, a liaison added).
    package static func record(_ words: StaticString, _ id: UUID) -> AuditDetail {
        AuditDetail(text: "\(words) \(id.uuidString.lowercased())")
    }

    /// A number of things ("3 imported").
    package static func count(_ number: Int, _ what: StaticString) -> AuditDetail {
        AuditDetail(text: "\(number) \(what)")
    }

    /// Several parts in one row.
    package static func + (lhs: AuditDetail, rhs: AuditDetail) -> AuditDetail {
        AuditDetail(text: lhs.text + "; " + rhs.text)
    }
}
