import Foundation
import HuzhuCore
import Vapor

/// The time, behind a protocol so tests can move it (login locks, session expiry).
package protocol HuzhuClock: Sendable {
    func now() -> Date
}

package struct SystemClock: HuzhuClock {
    package init() {}
    package func now() -> Date { Date() }
}

/// The time written in a file (ISO 8601), read at every call: lets an end-to-end test move the clock
/// of a running server. Falls back to the system's time when the file is missing or unreadable.
package struct FileClock: HuzhuClock {
    let path: String

    package init(path: String) { self.path = path }

    package func now() -> Date {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let date = ISO8601DateFormatter().date(from: text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return Date() }
        return date
    }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = any HuzhuClock }

    package var clock: any HuzhuClock {
        get { storage[ClockKey.self] ?? SystemClock() }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    /// Today in Beijing, by the application's clock.
    package var today: CalendarDate { CalendarDate(application.clock.now()) }
}
