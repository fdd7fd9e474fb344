import Crypto
import Foundation
import SQLKit

/// What a database and the files beside it hold, reduced to one SHA-256 per table and one for the files:
/// each row's text hashed, the hashes sorted (so the order rows come back in does not matter) and hashed
/// again. Two copies with equal digests hold the same rows; a backup carries the digest of what it
/// copied, and a restore checks that it brought back exactly that.
package struct ContentDigest: Codable, Equatable, Sendable {
    package struct Part: Codable, Equatable, Sendable {
        package var count: Int
        package var sha256: String
    }

    /// Per table, its rows.
    package var tables: [String: Part]
    /// The files of the folders that hold uploads, by path and content.
    package var files: Part

    /// The folders inside the data directory whose files belong to the data (uploaded evidence).
    package static let fileFolders = ["evidence"]

    /// A file of the data: its name in a backup (`evidence/…`) and where it is.
    package typealias DataFile = (name: String, url: URL)

    package static func of(_ db: any SQLDatabase, dataDirectory: URL) async throws -> ContentDigest {
        try await of(db, files: dataFiles(in: dataDirectory))
    }

    package static func of(_ db: any SQLDatabase, files: [DataFile]) async throws -> ContentDigest {
        var tables: [String: Part] = [:]
        for table in try await tableNames(db) {
            let hashes = RowHashes()
            try await db.raw(try await rowText(of: table, db)).run { row in
                hashes.add((try? row.decode(column: "r", as: String?.self)) ?? nil)
            }
            tables[table] = hashes.part
        }
        let fileHashes = RowHashes()
        for file in files {
            let data = try Data(contentsOf: file.url, options: .mappedIfSafe)
            fileHashes.add("\(file.name) \(Data(SHA256.hash(data: data)).hexString)")
        }
        return ContentDigest(tables: tables, files: fileHashes.part)
    }

    /// The files in the data directory's file folders, by name.
    package static func dataFiles(in dataDirectory: URL) -> [DataFile] {
        fileFolders.flatMap { folder in
            let directory = dataDirectory.appendingPathComponent(folder)
            return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
                .map { (name: "\(folder)/\($0)", url: directory.appendingPathComponent($0)) }
        }
    }

    /// Every table of the application's schema, by name.
    package static func tableNames(_ db: any SQLDatabase) async throws -> [String] {
        let sql: SQLQueryString = db.dialect.name == "sqlite"
            ? "SELECT name AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT tablename AS n FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
        return try await db.raw(sql).all().map { try $0.decode(column: "n", as: String.self) }
    }

    /// A query giving each row of `table` as one text column `r`: PostgreSQL's row literal; in SQLite,
    /// each column's SQL literal (`quote`) joined.
    private static func rowText(of table: String, _ db: any SQLDatabase) async throws -> SQLQueryString {
        let quoted = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        guard db.dialect.name == "sqlite" else { return "SELECT t::text AS r FROM \(unsafeRaw: quoted) t" }
        let columns = try await db.raw("SELECT name FROM pragma_table_info(\(bind: table)) ORDER BY cid").all()
            .map { try $0.decode(column: "name", as: String.self) }
        let text = columns.map { "quote(\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\")" }.joined(separator: " || '|' || ")
        return "SELECT \(unsafeRaw: text.isEmpty ? "''" : text) AS r FROM \(unsafeRaw: quoted)"
    }

    /// Lines naming each table (rows, digest) whose digest differs between the two, and the files.
    package func differences(from other: ContentDigest) -> [String] {
        var lines: [String] = []
        for table in Set(tables.keys).union(other.tables.keys).sorted() where tables[table] != other.tables[table] {
            lines.append("\(table): \(other.tables[table].map { "\($0.count) rows" } ?? "absent") → \(tables[table].map { "\($0.count) rows" } ?? "absent")")
        }
        if files != other.files { lines.append("files: \(other.files.count) → \(files.count)") }
        return lines
    }
}

/// Collects one SHA-256 per row as rows stream in.
private final class RowHashes: @unchecked Sendable {
    private let lock = NSLock()
    private var hashes: [Data] = []

    func add(_ text: String?) {
        let hash = Data(SHA256.hash(data: Data((text ?? "\u{0}NULL").utf8)))
        lock.withLock { hashes.append(hash) }
    }

    var part: ContentDigest.Part {
        lock.withLock {
            var all = SHA256()
            for hash in hashes.sorted(by: { $0.lexicographicallyPrecedes($1) }) { all.update(data: hash) }
            return ContentDigest.Part(count: hashes.count, sha256: Data(all.finalize()).hexString)
        }
    }
}
