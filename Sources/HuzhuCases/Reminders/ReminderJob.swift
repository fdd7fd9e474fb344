import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// The reminders' scan: in the server every `HUZHU_REMINDER_INTERVAL_MINUTES` (a `PeriodicJob`), and
/// as a command, `huzhu reminders`.
enum ReminderJob {
    static func periodic(_ app: Application) -> PeriodicJob {
        PeriodicJob(every: TimeInterval(app.reminderSchedule.intervalMinutes * 60)) { app in
            let raised = try await scan(app)
            if raised > 0 { app.logger.info("Reminders raised: \(raised)") }
        }
    }

    static func scan(_ app: Application) async throws -> Int {
        let now = app.clock.now()
        return try await ReminderScan.run(on: app.db, today: CalendarDate(now), now: now, days: app.reminderSchedule.days)
    }
}

/// `huzhu reminders`: raises the reminders that are due now, once.
struct RemindersCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }

    var help: String { "Raise reminders for deadlines and instalments coming due or overdue (the server also does this on a schedule)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let raised = try await ReminderJob.scan(context.application)
        context.console.print("提醒 / reminders raised: \(raised)")
    }
}
