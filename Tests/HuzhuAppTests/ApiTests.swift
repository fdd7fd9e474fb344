import Fluent
import Foundation
@testable import HuzhuOrg
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("The JSON API and personal tokens")
struct ApiTests {
    /// Creates a token through the tokens page and returns its secret.
    func token(_ browser: Browser, name: String = "telephony") async throws -> String {
        let response = try await browser.post("/tokens", ["name": name])
        #expect(response.status == .created)
        return String(try #require(response.text.firstMatch(of: /<code class="secret">([^<]+)<\/code>/)?.1))
    }

    @Test("GET /api/v1/me answers the token's owner; the token is stored only as a hash")
    func me() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            let secret = try await token(browser)
            #expect(secret.hasPrefix("hz_"))
            let stored = try #require(try await ApiToken.query(on: app.db).first())
            #expect(stored.tokenHash != secret)
            #expect(!stored.tokenHash.contains(secret))
            let response = try await browser.fresh().get("/api/v1/me", headers: ["Authorization": "Bearer \(secret)"])
            #expect(response.status == .ok)
            let me = try response.content.decode(MeAPI.Me.self)
            #expect(me.login == "caseworker")
            #expect(me.role == .caseworker)
            #expect(me.office?.name == "北京办公室")
        }
    }

    @Test("A revoked or unknown token is refused with a JSON error in the caller's language")
    func revoked() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("lawyer")
            let secret = try await token(browser)
            let id = try #require(try await ApiToken.query(on: app.db).first()?.id)
            #expect(try await browser.post("/tokens/\(id)/revoke").status == .seeOther)
            let english = try await browser.fresh().get("/api/v1/me", headers: ["Authorization": "Bearer \(secret)",
                                                                                 "Accept-Language": "en"])
            #expect(english.status == .unauthorized)
            let body = try english.content.decode(ErrorResponder.Body.self)
            #expect(body.error.code == "unauthenticated")
            #expect(body.error.message == "Please sign in first.")
            let chinese = try await browser.fresh().get("/api/v1/me", headers: ["Authorization": "Bearer hz_guess"])
            #expect(try chinese.content.decode(ErrorResponder.Body.self).error.message == "请先登录。")
        }
    }

    @Test("Someone else's token cannot be revoked")
    func othersToken() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            _ = try await token(browser)
            let id = try #require(try await ApiToken.query(on: app.db).first()?.id)
            let other = browser.fresh()
            try await other.login("supervisor")
            #expect(try await other.post("/tokens/\(id)/revoke").status == .notFound)
            #expect(try await ApiToken.query(on: app.db).first()?.revokedAt == nil)
        }
    }

    @Test("The API ignores the session cookie and answers unknown routes in JSON")
    func cookieIsNotEnough() async throws {
        try await withHuzhu { _, browser in
            try await browser.login("admin")
            #expect(try await browser.get("/api/v1/me").status == .unauthorized)
            let missing = try await browser.get("/api/v1/nothing-here")
            #expect(missing.status == .notFound)
            #expect(try missing.content.decode(ErrorResponder.Body.self).error.code == "not_found")
        }
    }

    @Test("A deactivated user's token stops working")
    func deactivatedOwner() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("volunteer")
            let secret = try await token(browser)
            let user = try await app.user("volunteer")
            user.active = false
            try await user.save(on: app.db)
            #expect(try await browser.fresh().get("/api/v1/me", headers: ["Authorization": "Bearer \(secret)"]).status == .unauthorized)
        }
    }
}
