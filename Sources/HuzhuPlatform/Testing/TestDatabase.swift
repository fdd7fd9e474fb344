import Fluent
import Foundation
import SQLKit
import Vapor

/// A fresh database for one test: a temporary SQLite file, or, when `HUZHU_TEST_DATABASE_URL` names a
/// PostgreSQL database, a schema of its own there. Tests of every target use it, so the whole suite
/// runs unchanged on both databases.
package struct TestDatabase: Sendable {
    let configuration: HuzhuConfiguration
    private let schema: String?
    private let scratch: URL

    private init() throws {
        var configuration = try HuzhuConfiguration(environment: [
            "HUZHU_SECRET_KEY": SecretKey.random().base64, "HUZHU_NETWORK_KEY": SecretKey.random().base64,
            // Tests of two-step sign-in turn it on for themselves; the rest sign in with a password.
            "HUZHU_REQUIRE_TWO_FACTOR": "false",
        ])
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("huzhu-test-\(UUID().uuidString)")
        configuration.dataDirectory = scratch.path
        if Self.isPostgres, let url = ProcessInfo.processInfo.environment["HUZHU_TEST_DATABASE_URL"] {
            let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            schema = name
            configuration.database = .postgres(url: url)
            configuration.postgresSearchPath = [name]
            // Many tests run at once, each with its own server: one connection per event loop is plenty.
            configuration.postgresConnectionsPerEventLoop = 1
            // With one connection per loop and every suite running at once on a small machine, forty
            // queued transactions can wait longer than production's ten seconds for their turn.
            configuration.postgresPoolTimeoutSeconds = 120
        } else {
            schema = nil
            configuration.database = .sqlite(path: scratch.appendingPathComponent("huzhu.sqlite").path)
        }
        self.configuration = configuration
    }

    /// Whether tests run on PostgreSQL in this run.
    package static var isPostgres: Bool {
        !(ProcessInfo.processInfo.environment["HUZHU_TEST_DATABASE_URL"] ?? "").isEmpty
    }

    /// Makes an application, lets `configure` set it up on this database, migrates, runs `body`, and
    /// then drops the database and shuts the application down, whether `body` passed or not.
    package static func run(
        configure: (Application, HuzhuConfiguration) throws -> Void,
        _ body: (Application) async throws -> Void
    ) async throws {
        let database = try TestDatabase()
        // Every test runs at once unless told otherwise; on PostgreSQL each holds connections of its
        // own, and past a few hundred the server refuses more. A bounded number hold a schema at a time.
        if database.schema != nil { await PostgresTurns.shared.take() }
        defer { if database.schema != nil { Task { await PostgresTurns.shared.give() } } }
        let app = try await Application.make(.testing)
        do {
            app.passwords.use(.bcrypt(cost: 4))  // fast hashes: tests create many accounts
            try configure(app, database.configuration)
            if let schema = database.schema { try await app.db.sql.raw("CREATE SCHEMA \(ident: schema)").run() }
            try await app.autoMigrate()
            try await body(app)
        } catch {
            try? await database.tearDown(app)
            throw error
        }
        try await database.tearDown(app)
    }

    private func tearDown(_ app: Application) async throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            if let schema { try await app.db.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

/// The turns tests take to hold a PostgreSQL schema and its connections (two per test: one per event loop).
private actor PostgresTurns {
    static let shared = PostgresTurns(64)

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ turns: Int) { free = turns }

    func take() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func give() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

extension TestDatabase {
    /// Runs `body` against the platform and these features only (their tables, in order, and their
    /// grants), for testing a feature's commands and queries without the whole application.
    package static func run(features: [any Feature.Type], _ body: (Application) async throws -> Void) async throws {
        try await run(configure: { app, configuration in
            try Platform.configure(app, configuration, keys: KeyRing(secret: configuration.secretKey!, network: configuration.networkKey!))
            app.migrations.add(Platform.migrations)
            var policy = Policy()
            for feature in features {
                app.migrations.add(feature.migrations(app.fieldCipher))
                feature.grant(&policy)
            }
            app.policy = policy
        }, body)
    }
}
