import Fluent
import Foundation
@testable import HuzhuOrg
import HuzhuPlatform
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite("The audit log")
struct AuditTests {
    @Test("The database itself refuses to change or delete an audit row")
    func appendOnly() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("admin")
            let count = try await AuditEvent.query(on: app.db).count()
            #expect(count > 0)
            await #expect(throws: (any Error).self) {
                try await app.db.sql.raw("UPDATE audit_events SET actor_login = 'someone-else'").run()
            }
            await #expect(throws: (any Error).self) {
                try await app.db.sql.raw("DELETE FROM audit_events").run()
            }
            #expect(try await AuditEvent.query(on: app.db).count() == count)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$actorLogin == "someone-else").count() == 0)
        }
    }

    @Test("The one-time rewrite takes the words out of rows written before, and the log is append-only again after it")
    func rewriteOldRows() async throws {
        try await withHuzhu { app, _ in
            // A row as the code before wrote it: a case number and a note about a worker.
            try await app.db.sql.raw("""
                INSERT INTO audit_events (occurred_at, actor_login, action, record_type, address, detail)
                VALUES (\(bind: Date()), 'caseworker', 'casework.case.note', 'case', '127.0.0.1', 'BJ-2026-0001: 王小明 13900139000 怀孕')
                """).run()
            try await ClearAuditDetails().prepare(on: app.db)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$detail != nil).count() == 0)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "casework.case.note").count() == 1)
            await #expect(throws: (any Error).self) {
                try await app.db.sql.raw("UPDATE audit_events SET detail = 'x'").run()
            }
        }
    }

    @Test("A failed sign-in is recorded with the account's id, never with what was typed")
    func failedLogin() async throws {
        try await withHuzhu { app, browser in
            _ = try await browser.post("/login", ["login": "admin", "password": "not-the-password"])
            let last = try #require(try await AuditEvent.query(on: app.db).sort(\.$id, .descending).first())
            #expect(last.action == "auth.login_failed")
            #expect(last.recordID == (try await app.user("admin").id) && last.detail == nil)
            #expect(last.actorUserID == nil)
            // A password typed into the login field by mistake is not kept anywhere.
            _ = try await browser.post("/login", ["login": "Mima-2026!", "password": "admin"])
            let typo = try #require(try await AuditEvent.query(on: app.db).sort(\.$id, .descending).first())
            #expect(typo.action == "auth.login_failed" && typo.recordID == nil && typo.detail == nil)
            #expect(try await LoginFailure.query(on: app.db).all().allSatisfy { !$0.throttleKey.contains("mima") })
        }
    }

    @Test("The audit page filters by action and login and pages by sequence")
    func browse() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("admin")
            for index in 0..<55 {
                _ = try await browser.post("/admin/ngos/new", ["name": "机构\(index)", "city": "城市"])
            }
            let first = try await browser.get("/admin/audit?action=org.ngo.create")
            #expect(first.status == .ok)
            #expect(first.text.components(separatedBy: "创建机构").count - 1 >= 50)
            let next = try #require(first.text.firstMatch(of: /href="(\/admin\/audit\?[^"]*before=[0-9]+[^"]*)"/)?.1)
            let second = try await browser.get(String(next).replacingOccurrences(of: "&amp;", with: "&"))
            // Rows name records by id only: the first NGO created is on the second page, the last is not.
            let oldest = try #require(try await NGO.query(on: app.db).filter(\.$name == "机构0").first()?.id)
            let newest = try #require(try await NGO.query(on: app.db).filter(\.$name == "机构54").first()?.id)
            #expect(second.text.contains(oldest.uuidString.lowercased()))
            #expect(!second.text.contains(newest.uuidString.lowercased()) && !second.text.contains("机构0"))
            let byLogin = try await browser.get("/admin/audit?login=nobody")
            #expect(byLogin.text.contains("没有符合条件的记录"))
        }
    }
}
