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

    @Test("A failed sign-in is recorded with the login that was tried")
    func failedLogin() async throws {
        try await withHuzhu { app, browser in
            _ = try await browser.post("/login", ["login": "admin", "password": "not-the-password"])
            let last = try #require(try await AuditEvent.query(on: app.db).sort(\.$id, .descending).first())
            #expect(last.action == "auth.login_failed")
            #expect(last.detail == "admin")
            #expect(last.actorUserID == nil)
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
            #expect(second.text.contains("机构0"))
            #expect(!second.text.contains("机构54"))
            let byLogin = try await browser.get("/admin/audit?login=nobody")
            #expect(byLogin.text.contains("没有符合条件的记录"))
        }
    }
}
