import Foundation
import Vapor

/// Work the server does on a schedule: once it is serving, then every `interval` seconds; never while
/// another command (migrate, user create) runs, which boots the application too, nor in tests, which
/// run the work themselves.
package struct PeriodicJob: LifecycleHandler {
    final class Running: @unchecked Sendable {
        var task: Task<Void, Never>?
    }

    let interval: TimeInterval
    let work: @Sendable (Application) async throws -> Void
    private let running = Running()

    /// `interval` 0 or less: the job never runs.
    package init(every interval: TimeInterval, _ work: @escaping @Sendable (Application) async throws -> Void) {
        self.interval = interval
        self.work = work
    }

    package func didBootAsync(_ app: Application) async throws {
        guard interval > 0, app.environment != .testing else { return }
        let interval = interval, work = work
        running.task = Task {
            while app.running == nil && !Task.isCancelled { try? await Task.sleep(for: .seconds(2)) }
            while !Task.isCancelled {
                do { try await work(app) } catch { app.logger.report(error: error) }
                try? await Task.sleep(for: .seconds(interval))
            }
        }
    }

    package func shutdownAsync(_ app: Application) async {
        running.task?.cancel()
    }
}
