import Fluent
import Foundation
import Vapor

/// One line of a person's record of service: a catalogue key (`service.contacts`) and how many.
package struct ServiceFigure: Sendable, Equatable {
    package let key: String
    package let count: Int

    package init(key: String, count: Int) {
        self.key = key
        self.count = count
    }
}

/// A feature's part of a volunteer's record of service: what the person with this login did in the
/// feature's records (contacts recorded, cases assisted, mediations held).
package typealias ServiceRecordSource = @Sendable (_ userID: UUID, _ db: any Database) async throws -> [ServiceFigure]

/// Whether assigning a person to a case against these employers conflicts with whom they act for: the
/// catalogue key of the reason and the employer's name, or nil. Provided by the feature that keeps
/// volunteers' profiles; asked by the feature that assigns cases.
package typealias AssignmentConflictCheck = @Sendable (_ userID: UUID, _ employers: [String], _ db: any Database) async throws -> String?

extension Application {
    private struct ServiceRecordKey: StorageKey { typealias Value = [ServiceRecordSource] }
    private struct ConflictCheckKey: StorageKey { typealias Value = [AssignmentConflictCheck] }

    package var serviceRecordSources: [ServiceRecordSource] {
        get { storage[ServiceRecordKey.self] ?? [] }
        set { storage[ServiceRecordKey.self] = newValue }
    }

    package var assignmentConflictChecks: [AssignmentConflictCheck] {
        get { storage[ConflictCheckKey.self] ?? [] }
        set { storage[ConflictCheckKey.self] = newValue }
    }
}
