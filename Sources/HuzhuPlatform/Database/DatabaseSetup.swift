import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

extension Application {
    /// Connects Fluent to the configured database. The embedded database lives in a file, in WAL mode so
    /// that readers never wait for the one writer.
    package func useDatabase(_ configuration: HuzhuConfiguration) throws {
        switch configuration.database {
        case .sqlite(let path):
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
        case .postgres(let url):
            var postgres = try SQLPostgresConfiguration(url: url)
            postgres.searchPath = configuration.postgresSearchPath
            databases.use(.postgres(configuration: postgres,
                                    maxConnectionsPerEventLoop: configuration.postgresConnectionsPerEventLoop,
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

/// Puts the embedded database in WAL mode at start-up. The mode is stored in the file; asking again is
/// cheap and keeps a database copied from elsewhere in the same mode.
package struct SQLiteWriteAheadLog: LifecycleHandler {
    package init() {}

    package func didBootAsync(_ application: Application) async throws {
        guard application.db.isSQLite else { return }
        _ = try await application.db.sql.raw("PRAGMA journal_mode=WAL").all()
    }
}
