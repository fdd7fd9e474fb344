import HuzhuPlatform
import NIOConcurrencyHelpers
import Testing
import Vapor

@Suite("Stopping the server")
struct InFlightTests {
    struct Slow: AsyncResponder {
        let finished: NIOLockedValueBox<Bool>
        func respond(to request: Request) async throws -> Response {
            try await Task.sleep(for: .milliseconds(300))
            finished.withLockedValue { $0 = true }
            return Response(status: .ok)
        }
    }

    @Test("A stop waits for the requests still running before the database closes")
    func waitsForRunningRequests() async throws {
        let app = try await Application.make(.testing)
        let inFlight = InFlightRequests()
        let finished = NIOLockedValueBox(false)
        let request = Request(application: app, on: app.eventLoopGroup.next())
        let answer = Task { try await inFlight.respond(to: request, chainingTo: Slow(finished: finished)) }
        while inFlight.running == 0 { try await Task.sleep(for: .milliseconds(5)) }
        await inFlight.shutdownAsync(app)
        #expect(finished.withLockedValue { $0 })
        #expect(inFlight.running == 0)
        #expect(try await answer.value.status == .ok)
        try await app.asyncShutdown()
    }
}
