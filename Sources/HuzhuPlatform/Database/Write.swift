import Fluent
import SQLKit

extension Database {
    /// Runs `body` as one transaction that changes the database: all of it is kept or none of it. Huzhu
    /// opens every transaction here, never with Fluent's `transaction` directly.
    ///
    /// PostgreSQL runs it as an ordinary transaction. SQLite allows one writer at a time, and Fluent begins
    /// its transactions DEFERRED: two that read first and then write cannot both commit (the second fails
    /// with SQLITE_BUSY_SNAPSHOT), so under concurrent intake some requests failed. Here the process's
    /// writers take turns (first come, first served, without holding a thread) and each turn begins
    /// IMMEDIATE, taking SQLite's write lock before its first read; a single statement written outside a
    /// turn waits for the lock rather than failing.
    package func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard isSQLite else { return try await transaction(body) }
        if SQLiteWriter.inTurn { return try await body(self) }
        return try await SQLiteWriter.turns.take {
            try await withConnection { connection in
                try await SQLiteWriter.$inTurn.withValue(true) {
                    try await connection.sql.raw("BEGIN IMMEDIATE").run()
                    do {
                        let result = try await body(connection)
                        try await connection.sql.raw("COMMIT").run()
                        return result
                    } catch {
                        try? await connection.sql.raw("ROLLBACK").run()
                        throw error
                    }
                }
            }
        }
    }
}

/// The turns of the process's SQLite writers.
enum SQLiteWriter {
    /// Whether the running task is inside a turn already (a nested `write` joins it).
    @TaskLocal static var inTurn = false

    static let turns = Turns()

    /// A first-come, first-served lock for async code.
    actor Turns {
        private var taken = false
        private var waiting: [CheckedContinuation<Void, Never>] = []

        func take<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
            await enter()
            do {
                let result = try await body()
                leave()
                return result
            } catch {
                leave()
                throw error
            }
        }

        private func enter() async {
            guard taken else {
                taken = true
                return
            }
            await withCheckedContinuation { waiting.append($0) }
        }

        private func leave() {
            if waiting.isEmpty { taken = false } else { waiting.removeFirst().resume() }
        }
    }
}
