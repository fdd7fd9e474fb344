/// A rejected input: which field, and the catalogue key of the message that explains why.
public struct FieldError: Error, Equatable, Sendable {
    public let field: String
    public let messageKey: String

    public init(_ field: String, _ messageKey: String) {
        self.field = field
        self.messageKey = messageKey
    }
}

/// All the problems of one submitted form, so the user can fix them in one go: one per field (the
/// first found), so a field is never shown two messages at once.
public struct ValidationErrors: Error, Equatable, Sendable {
    public private(set) var errors: [FieldError] = []

    public init(_ errors: [FieldError] = []) {
        for error in errors { add(error.field, error.messageKey) }
    }

    public var isEmpty: Bool { errors.isEmpty }

    public mutating func add(_ field: String, _ messageKey: String) {
        guard self.messageKey(for: field) == nil else { return }
        errors.append(FieldError(field, messageKey))
    }

    public mutating func append(contentsOf other: ValidationErrors) {
        for error in other.errors { add(error.field, error.messageKey) }
    }

    /// Adds `other`'s error for `field`, if it has one (what an edge could not read, in its field's place
    /// among the rest); says whether it did.
    @discardableResult
    public mutating func carry(_ field: String, from other: ValidationErrors) -> Bool {
        guard let key = other.messageKey(for: field) else { return false }
        add(field, key)
        return true
    }

    public func messageKey(for field: String) -> String? {
        errors.first { $0.field == field }?.messageKey
    }

    /// Runs a check and records its failure instead of throwing, returning the value on success.
    public mutating func check<T>(_ body: () throws(FieldError) -> T) -> T? {
        do { return try body() } catch { add(error.field, error.messageKey); return nil }
    }

    public func throwIfAny() throws(ValidationErrors) {
        if !isEmpty { throw self }
    }
}
