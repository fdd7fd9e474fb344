import Fluent
import Foundation
import HuzhuPlatform
import SQLKit

/// Writes generated rows fast: many rows per INSERT, many INSERTs per transaction, with a progress line.
struct BulkWriter {
    let db: any Database
    let progress: @Sendable (String) -> Void

    typealias Row = [any Encodable & Sendable]

    static let rowsPerStatement = 400
    static let rowsPerTransaction = 20_000

    /// Inserts `count` rows made by `make` (called in order, on this task) into `table`.
    func insert(_ table: String, _ columns: [String], count: Int, _ make: (Int) throws -> Row) async throws {
        var start = 0
        while start < count {
            let end = min(start + Self.rowsPerTransaction, count)
            var rows: [Row] = []
            rows.reserveCapacity(end - start)
            for index in start..<end { rows.append(try make(index)) }
            try await write(table, columns, rows)
            start = end
            progress("\(table): \(end)/\(count) (\(end * 100 / max(count, 1))%)")
        }
    }

    func write(_ table: String, _ columns: [String], _ rows: [Row]) async throws {
        guard !rows.isEmpty else { return }
        try await db.write { db in
            var offset = 0
            while offset < rows.count {
                let insert = db.sql.insert(into: table).columns(columns)
                for row in rows[offset..<min(offset + Self.rowsPerStatement, rows.count)] { insert.values(row) }
                try await insert.run()
                offset += Self.rowsPerStatement
            }
        }
    }
}
