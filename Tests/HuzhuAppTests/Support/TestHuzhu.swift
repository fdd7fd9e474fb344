import Fluent
import Foundation
import HuzhuApp
import HuzhuOrg
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

/// Runs a test against a whole Huzhu, configured exactly as in production, on its own fresh database
/// (`TestDatabase`). The demo network is loaded, so every role has an account (`DemoNetwork.accounts`).
func withHuzhu(clock: TestClock? = nil, _ test: (Application, Browser) async throws -> Void) async throws {
    try await TestDatabase.run(configure: { app, configuration in
        if let clock { app.clock = clock }
        try configure(app, configuration)
    }) { app in
        _ = try await DemoNetwork.loadIfEmpty(into: app)
        try await test(app, Browser(app: app))
    }
}

/// A clock the test moves by hand.
final class TestClock: HuzhuClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_795_000_000)) { current = start }

    func now() -> Date { lock.withLock { current } }

    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}
