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
