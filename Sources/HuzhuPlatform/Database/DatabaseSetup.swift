import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

extension Application {
    /// Connects Fluent to the configured database. The embedded database lives in a file, in WAL mode so
    /// that readers never wait for the one writer (`SQLiteSettings`).
    package func useDatabase(_ configuration: HuzhuConfiguration) throws {
        switch configuration.database {
        case .sqlite(let path):
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
            lifecycle.use(SQLiteSettings(cacheMiB: configuration.sqliteCacheMiB, synchronous: configuration.sqliteSynchronous))
        case .postgres(let url):
            var postgres = try SQLPostgresConfiguration(url: url)
            postgres.searchPath = configuration.postgresSearchPath
            databases.use(.postgres(configuration: postgres,
                                    maxConnectionsPerEventLoop: configuration.postgresConnectionsPerEventLoop,
                                    connectionPoolTimeout: .seconds(configuration.postgresPoolTimeoutSeconds),
                                    sqlLogLevel: .debug),
                          as: .psql)
        }
    }
}

extension Database {
    package var sql: any SQLDatabase { self as! any SQLDatabase }

    package var isSQLite: Bool { sql.dialect.name == "sqlite" }

    /// Asks the database to answer at all; the health check's notion of "up".
    package func ping() async throws {
        _ = try await sql.raw("SELECT 1 AS ok").first()
    }
}

/// Sets the embedded database up at start-up: WAL mode (stored in the file; asking again is cheap and
/// keeps a database copied from elsewhere in the same mode), and on each connection, which is where
/// SQLite keeps these settings (one connection per event loop, kept for the server's life), the page
/// cache and when commits reach the disk.
package struct SQLiteSettings: LifecycleHandler {
    package let cacheMiB: Int
    package let synchronous: String

    package init(cacheMiB: Int, synchronous: String) {
        self.cacheMiB = cacheMiB
        self.synchronous = synchronous
    }

    package func didBootAsync(_ application: Application) async throws {
        guard application.db.isSQLite else { return }
        _ = try await application.db.sql.raw("PRAGMA journal_mode=WAL").all()
        let synchronous = synchronous == "normal" ? "NORMAL" : "FULL"
        try await Self.onEveryConnection(of: application, "PRAGMA synchronous = \(synchronous)")
        try await Self.cache(mebibytes: cacheMiB, on: application)
    }

    /// Sets the page cache of every connection (bulk loads ask for more than a server needs).
    package static func cache(mebibytes: Int, on application: Application) async throws {
        try await onEveryConnection(of: application, "PRAGMA cache_size = \(-mebibytes * 1024)")
    }

    private static func onEveryConnection(of application: Application, _ pragma: String) async throws {
        for loop in application.eventLoopGroup.makeIterator() {
            guard let db = application.databases.database(logger: application.logger, on: loop) else { continue }
            try await db.withConnection { connection in try await connection.sql.raw("\(unsafeRaw: pragma)").run() }
        }
    }
}
