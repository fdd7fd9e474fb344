import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// The reminders' scheduled task inside the server: a scan once the server is serving and then every
/// `HUZHU_REMINDER_INTERVAL_MINUTES` (not while another command runs, nor in tests, which run the scan
/// themselves); and the same scan as a command, `huzhu reminders`.
struct ReminderJob: LifecycleHandler {
    final class Running: @unchecked Sendable {
        var task: Task<Void, Never>?
    }

    let running = Running()

    func didBootAsync(_ app: Application) async throws {
        let minutes = app.reminderSchedule.intervalMinutes
        guard minutes > 0, app.environment != .testing else { return }
        running.task = Task {
            // Other commands (migrate, user create) boot the application too: wait until it serves.
            while app.running == nil && !Task.isCancelled { try? await Task.sleep(for: .seconds(2)) }
            while !Task.isCancelled {
                do {
                    let raised = try await Self.scan(app)
                    if raised > 0 { app.logger.info("Reminders raised: \(raised)") }
                } catch {
                    app.logger.report(error: error)
                }
                try? await Task.sleep(for: .seconds(minutes * 60))
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        running.task?.cancel()
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
