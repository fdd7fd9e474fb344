import Fluent
import Foundation
import HuzhuPlatform
import SQLKit
import Testing
import Vapor

@Suite("Writing to the database")
struct WriteTests {
    @Test("Forty transactions that read and then write, all at once, all commit; on SQLite they take turns")
    func concurrentWriters() async throws {
        try await TestDatabase.run(configure: { app, configuration in try app.useDatabase(configuration) }) { app in
            try await app.db.sql.raw("CREATE TABLE probe (seen INTEGER NOT NULL)").run()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<40 {
                    // `app.db` picks the event loops in turn: with one SQLite connection per loop, the
                    // transactions run on different connections, as concurrent requests do.
                    let db = app.db
                    group.addTask {
                        try await db.write { db in
                            let seen = try await db.sql.raw("SELECT COUNT(*) AS n FROM probe").first(decoding: Count.self)?.n ?? 0
                            try await db.sql.raw("INSERT INTO probe (seen) VALUES (\(bind: seen))").run()
                        }
                    }
                }
                try await group.waitForAll()
            }
            let seen = try await app.db.sql.raw("SELECT seen AS n FROM probe ORDER BY seen").all(decoding: Count.self).map(\.n)
            #expect(seen.count == 40)
            if app.db.isSQLite { #expect(seen == Array(0..<40)) }
        }
    }

    @Test("A failed transaction leaves nothing behind, and the next one runs")
    func rollback() async throws {
        try await TestDatabase.run(configure: { app, configuration in try app.useDatabase(configuration) }) { app in
            try await app.db.sql.raw("CREATE TABLE probe (seen INTEGER NOT NULL)").run()
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await app.db.write { db in
                    try await db.sql.raw("INSERT INTO probe (seen) VALUES (1)").run()
                    throw Refused()
                }
            }
            try await app.db.write { db in try await db.sql.raw("INSERT INTO probe (seen) VALUES (2)").run() }
            let seen = try await app.db.sql.raw("SELECT seen AS n FROM probe").all(decoding: Count.self).map(\.n)
            #expect(seen == [2])
        }
    }

    @Test("No code opens a transaction except through `write`")
    func oneWayToWrite() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" && $0.lastPathComponent != "Write.swift" }
        #expect(files.count > 20)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(!text.contains(".transaction {"), "\(file.lastPathComponent) opens a transaction without `write`")
        }
    }

    private struct Count: Decodable { let n: Int }
}

@Suite("The embedded database's settings")
struct SQLiteSettingsTests {
    @Test("After start-up every connection has the configured page cache and durability, and the file is in WAL mode",
          arguments: ["full", "normal"])
    func settings(synchronous: String) async throws {
        try await TestDatabase.run(configure: { app, configuration in
            var configuration = configuration
            configuration.sqliteCacheMiB = 48
            configuration.sqliteSynchronous = synchronous
            try app.useDatabase(configuration)
        }) { app in
            guard app.db.isSQLite else { return }
            try await app.asyncBoot()
            for loop in app.eventLoopGroup.makeIterator() {
                let db = try #require(app.databases.database(logger: app.logger, on: loop))
                let cache = try await db.sql.raw("PRAGMA cache_size").first()?.decode(column: "cache_size", as: Int.self)
                #expect(cache == -48 * 1024)
                let level = try await db.sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
                #expect(level == (synchronous == "full" ? 2 : 1))
            }
            let mode = try await app.db.sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
            #expect(mode == "wal")
        }
    }
}
