import NIOConcurrencyHelpers
import Vapor

/// Counts the requests being answered, so that a stopping server (SIGTERM) stops taking requests and
/// lets the running ones finish before it closes the database (a request reaching the database after
/// that crashed the process).
package final class InFlightRequests: AsyncMiddleware, LifecycleHandler, Sendable {
    private let count = NIOLockedValueBox(0)
    /// How long a stop waits for the requests still running.
    private let patience: Duration

    package init(patience: Duration = .seconds(30)) {
        self.patience = patience
    }

    package var running: Int { count.withLockedValue { $0 } }

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        count.withLockedValue { $0 += 1 }
        defer { count.withLockedValue { $0 -= 1 } }
        return try await next.respond(to: request)
    }

    package func shutdownAsync(_ application: Application) async {
        // Vapor closes the databases (a lifecycle handler) before it stops the HTTP server (in its
        // storage), so requests kept arriving at a closed database: stop taking requests first. The
        // server's own stop lets each connection's running request finish.
        await application.server.shutdown()
        let deadline = ContinuousClock.now + patience
        while running > 0 && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}
