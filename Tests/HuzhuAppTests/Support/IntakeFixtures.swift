import Fluent
import SQLKit
import Foundation
@testable import HuzhuIntake
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

extension Browser {
    /// Records a contact through the intake form, as an operator would: a new worker with this phone,
    /// or the known worker `subject`, about the first topic.
    @discardableResult
    func recordContact(phone: String?, newWorker name: String? = nil, subject: String? = nil,
                       summary: String = "工地欠薪三个月，老板失联", extra: [String: String] = [:]) async throws -> TestingHTTPResponse {
        let topic = try await Topic.query(on: app.db).sort(\.$position).first()!.requireID()
        var form: [String: String] = [
            "phone": phone ?? "", "subject": subject ?? (name == nil ? "anonymous" : "new"), "full_name": name ?? "",
            "channel": "hotline", "direction": "inbound", "topics[]": topic.uuidString, "summary": summary,
            "advice": "建议收集工资证据", "outcome": "advice",
        ]
        form.merge(extra) { $1 }
        return try await post("/intake", form)
    }
}

extension Application {
    /// Everything the database holds for the intake tables, as text: the SQLite file and its WAL as they
    /// are on disk, or every row of PostgreSQL cast to text.
    func rawContent() async throws -> String {
        if db.isSQLite {
            _ = try await db.sql.raw("PRAGMA wal_checkpoint(FULL)").all()
            let rows = try await db.sql.raw("PRAGMA database_list").all()
            let path = try rows.first!.decode(column: "file", as: String.self)
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            bytes += (try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) ?? Data()
            return String(decoding: bytes, as: UTF8.self)
        }
        var text = ""
        for table in ["workers", "worker_phones", "contacts", "callbacks", "calls", "import_batches", "audit_events"] {
            for row in try await db.sql.raw("SELECT t::text AS row FROM \(ident: table) t").all() {
                text += try row.decode(column: "row", as: String.self)
            }
        }
        return text
    }

    /// Every text column of every table, as `table.column`, that holds `needle` in some row.
    func textColumns(containing needle: String) async throws -> [String] {
        let sql = db.sql
        var columns: [(table: String, column: String)] = []
        if db.isSQLite {
            for table in try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all() {
                let name = try table.decode(column: "name", as: String.self)
                for column in try await sql.raw("SELECT name, type FROM pragma_table_info(\(bind: name))").all()
                where try column.decode(column: "type", as: String.self).uppercased().contains("TEXT") {
                    columns.append((name, try column.decode(column: "name", as: String.self)))
                }
            }
        } else {
            for row in try await sql.raw("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying')
                """).all() {
                columns.append((try row.decode(column: "table_name", as: String.self), try row.decode(column: "column_name", as: String.self)))
            }
        }
        var found: [String] = []
        for (table, column) in columns {
            let hits = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table) WHERE \(ident: column) LIKE \(bind: "%" + needle + "%")")
                .first()?.decode(column: "n", as: Int.self) ?? 0
            if hits > 0 { found.append("\(table).\(column)") }
        }
        return found
    }

    func workers(named name: String) async throws -> [Worker] {
        try await Worker.query(on: db).filter(\.$nameHash == WorkerName.hash(name, fieldCipher)).all()
    }

    func contacts() async throws -> [Contact] {
        try await Contact.query(on: db).sort(\.$createdAt).sort(\.$number).all()
    }
}
