import Fluent
import Foundation
import HuzhuApp
import HuzhuOrg
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

/// Runs a test against a whole Huzhu, configured exactly as in production, on its own fresh database:
/// a temporary SQLite file, or a schema of its own in the PostgreSQL of `HUZHU_TEST_DATABASE_URL`.
/// The demo network is loaded, so every role has an account (`DemoNetwork.accounts`).
func withHuzhu(clock: TestClock? = nil, _ test: (Application, Browser) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    var configuration = try HuzhuConfiguration(environment: ["HUZHU_SECRET_KEY": SecretKey.random().base64])
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("huzhu-test-\(UUID().uuidString)")
    var schema: String?
    if let url = ProcessInfo.processInfo.environment["HUZHU_TEST_DATABASE_URL"], !url.isEmpty {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        schema = name
        configuration.database = .postgres(url: url)
        configuration.postgresSearchPath = [name]
        configuration.postgresConnectionsPerEventLoop = 1
    } else {
        configuration.database = .sqlite(path: scratch.appendingPathComponent("huzhu.sqlite").path)
    }
    do {
        app.passwords.use(.bcrypt(cost: 4))
        if let clock { app.clock = clock }
        try configure(app, configuration)
        if let schema { try await app.db.sql.raw("CREATE SCHEMA \(ident: schema)").run() }
        try await app.autoMigrate()
        _ = try await DemoNetwork.loadIfEmpty(into: app)
        try await test(app, Browser(app: app))
    } catch {
        try? await cleanUp(app, schema: schema, scratch: scratch)
        throw error
    }
    try await cleanUp(app, schema: schema, scratch: scratch)
}

private func cleanUp(_ app: Application, schema: String?, scratch: URL) async throws {
    defer { try? FileManager.default.removeItem(at: scratch) }
    do {
        if let schema { try await app.db.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
    } catch {
        try await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

/// A clock the test moves by hand.
final class TestClock: HuzhuClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_795_000_000)) { current = start }

    func now() -> Date { lock.withLock { current } }

    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}
