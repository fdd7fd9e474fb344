import Foundation

/// Training before duty: each duty type names the courses it requires; a volunteer may be put on a duty
/// only while every one of them is completed (passed) and not yet expired on the day of the duty.
public enum TrainingGate {
    /// A course as the gate needs it: how long a completion stays good (nil: for good).
    public struct Course: Sendable, Equatable {
        public let id: UUID
        public let validityMonths: Int?

        public init(id: UUID, validityMonths: Int?) {
            self.id = id
            self.validityMonths = validityMonths
        }
    }

    public struct Completion: Sendable, Equatable {
        public let courseID: UUID
        public let completedOn: CalendarDate
        public let passed: Bool

        public init(courseID: UUID, completedOn: CalendarDate, passed: Bool) {
            self.courseID = courseID
            self.completedOn = completedOn
            self.passed = passed
        }
    }

    /// Why a volunteer may not take a duty: a required course never passed, or passed too long ago.
    public enum Gap: Sendable, Equatable {
        case missing(UUID)
        /// The course, and the last day its latest completion was good.
        case expired(UUID, lastValidDay: CalendarDate)

        public var courseID: UUID {
            switch self {
            case .missing(let id), .expired(let id, _): id
            }
        }
    }

    /// The required courses a volunteer lacks on `day`, in the order required; empty when they may serve.
    /// A completion counts from its day through the day before the same date `validityMonths` later.
    public static func gaps(required: [Course], completions: [Completion], on day: CalendarDate) -> [Gap] {
        required.compactMap { course in
            let passed = completions.filter { $0.courseID == course.id && $0.passed && $0.completedOn <= day }
            guard let latest = passed.map(\.completedOn).max() else { return .missing(course.id) }
            guard let months = course.validityMonths else { return nil }
            let lastValidDay = latest.adding(months: months).adding(days: -1)
            return lastValidDay < day ? .expired(course.id, lastValidDay: lastValidDay) : nil
        }
    }
}
