import Fluent
import Foundation
@testable import HuzhuOrg
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("Two-step sign-in: enrolment with a QR code drawn here, codes at sign-in, recovery codes, the requirement")
struct TwoFactorTests {
    /// Enrols the signed-in person: the key read off the page, a current code typed; returns the key and the recovery codes.
    func enrol(_ browser: Browser, clock: TestClock) async throws -> (OneTimeCode, [String]) {
        #expect(try await browser.get("/account/two-factor").text.contains("开始设置"))
        #expect(try await browser.post("/account/two-factor/start").status == .seeOther)
        let page = try await browser.get("/account/two-factor").text
        #expect(page.contains("<svg") && page.contains("class=\"qr\""))
        let key = String(try #require(page.firstMatch(of: /<code class="secret">([A-Z2-7 ]+)<\/code>/)?.1)).replacingOccurrences(of: " ", with: "")
        let code = OneTimeCode(secret: try #require(Base32.decode(key)))
        let wrong = try await browser.post("/account/two-factor/enable", ["otp": "000000" == code.code(at: clock.now()) ? "111111" : "000000"])
        #expect(wrong.status == .unprocessableEntity && wrong.text.contains("验证码不对"))
        let enabled = try await browser.post("/account/two-factor/enable", ["otp": code.code(at: clock.now())])
        #expect(enabled.status == .ok)
        let codes = enabled.text.matches(of: /<li><code>([a-z0-9]{5}-[a-z0-9]{5})<\/code><\/li>/).map { String($0.1) }
        #expect(codes.count == 10)
        return (code, codes)
    }

    @Test("Once enrolled, the password alone does not sign in; a current code does, once; a recovery code does, once")
    func signIn() async throws {
        let clock = TestClock()
        try await withHuzhu(clock: clock) { app, browser in
            try await browser.login("caseworker")
            let (code, recovery) = try await enrol(browser, clock: clock)
            #expect(try await app.auditActions().contains("auth.two_factor.enable"))
            let user = try await app.user("caseworker")
            #expect(user.totpSecret != nil && !String(decoding: user.totpSecret!, as: UTF8.self).contains(Base32.encode(code.secret)))

            clock.advance(60)
            let phone = browser.fresh()
            let password = try await phone.post("/login", ["login": "caseworker", "password": DemoNetwork.password, "next": "/cases"])
            #expect(password.status == .seeOther && password.location == "/login/code?next=/cases")
            #expect(phone.cookies[StaffSession.cookieName] == nil)
            #expect(try await phone.get("/cases").location?.hasPrefix("/login") == true)
            #expect(try await phone.get("/login/code").text.contains("恢复码"))
            let wrong = try await phone.post("/login/code", ["otp": "12345", "next": "/cases"])
            #expect(wrong.status == .unauthorized && phone.cookies[StaffSession.cookieName] == nil)
            let current = code.code(at: clock.now())
            let right = try await phone.post("/login/code", ["otp": current, "next": "/cases"])
            #expect(right.status == .seeOther && right.location == "/cases")
            #expect(phone.cookies[StaffSession.cookieName] != nil && phone.cookies[PendingSignIn.cookieName] == nil)
            #expect(try await phone.get("/cases").status == .ok)

            // The same code a second time (someone watching over a shoulder) is refused.
            let thief = browser.fresh()
            _ = try await thief.post("/login", ["login": "caseworker", "password": DemoNetwork.password])
            #expect(try await thief.post("/login/code", ["otp": current]).status == .unauthorized)
            // A recovery code works once.
            #expect(try await thief.post("/login/code", ["otp": recovery[0].uppercased()]).status == .seeOther)
            let again = browser.fresh()
            _ = try await again.post("/login", ["login": "caseworker", "password": DemoNetwork.password])
            #expect(try await again.post("/login/code", ["otp": recovery[0]]).status == .unauthorized)
            // Without the password step, or with a made-up or expired pending cookie, the code page sends back to the login.
            let stranger = browser.fresh()
            #expect(try await stranger.post("/login/code", ["otp": code.code(at: clock.now())]).location == "/login")
            clock.advance(PendingSignIn.lifetime + 1)
            #expect(try await again.post("/login/code", ["otp": code.code(at: clock.now())]).location == "/login")
        }
    }

    @Test("Wrong codes count as failed sign-ins: they slow down and lock, with Retry-After")
    func throttled() async throws {
        let clock = TestClock()
        try await withHuzhu(clock: clock) { app, browser in
            try await browser.login("caseworker")
            _ = try await enrol(browser, clock: clock)
            let guesser = browser.fresh()
            _ = try await guesser.post("/login", ["login": "caseworker", "password": DemoNetwork.password])
            var statuses: [HTTPResponseStatus] = []
            var retryAfter: String?
            for guess in 0..<6 {
                let response = try await guesser.post("/login/code", ["otp": String(format: "%06d", 100_000 + guess)])
                statuses.append(response.status)
                retryAfter = retryAfter ?? response.headers.first(name: .retryAfter)
            }
            #expect(statuses.contains(.tooManyRequests))
            #expect(Int(retryAfter ?? "") ?? 0 > 0)
        }
    }

    @Test("Where the deployment requires it, an administrator or supervisor can use nothing before enrolling, and cannot turn it off")
    func required() async throws {
        let clock = TestClock()
        try await withHuzhu(clock: clock) { app, browser in
            app.requireTwoFactor = true
            try await browser.login("supervisor")
            #expect(try await browser.get("/cases").location == "/account/two-factor")
            #expect(try await browser.get("/account/two-factor").text.contains("本系统要求"))
            #expect(try await browser.post("/cases/new", ["title": "x"]).status == .forbidden)
            let caseworker = browser.fresh()
            try await caseworker.login("caseworker")
            #expect(try await caseworker.get("/cases").status == .ok)  // not a role that must

            let (code, _) = try await enrol(browser, clock: clock)
            #expect(try await browser.get("/cases").status == .ok)
            clock.advance(30)
            #expect(try await browser.post("/account/two-factor/disable", ["otp": code.code(at: clock.now())]).status == .forbidden)
            #expect(try await app.user("supervisor").totpEnabledAt != nil)
        }
    }

    @Test("Turning it off and renewing recovery codes need a current code")
    func changes() async throws {
        let clock = TestClock()
        try await withHuzhu(clock: clock) { app, browser in
            try await browser.login("caseworker")
            let (code, old) = try await enrol(browser, clock: clock)
            clock.advance(30)
            #expect(try await browser.post("/account/two-factor/recovery-codes", ["otp": "000000"]).status == .unprocessableEntity)
            let renewed = try await browser.post("/account/two-factor/recovery-codes", ["otp": code.code(at: clock.now())])
            let fresh = renewed.text.matches(of: /<li><code>([a-z0-9]{5}-[a-z0-9]{5})<\/code><\/li>/).map { String($0.1) }
            #expect(fresh.count == 10 && Set(fresh).isDisjoint(with: old))
            clock.advance(30)
            #expect(try await browser.post("/account/two-factor/disable", ["otp": code.code(at: clock.now())]).status == .seeOther)
            #expect(try await app.user("caseworker").totpEnabledAt == nil)
            #expect(try await RecoveryCode.query(on: app.db).count() == 0)
            #expect(try await app.auditActions().contains("auth.two_factor.disable"))
            let again = browser.fresh()
            try await again.login("caseworker")  // the password alone signs in again
        }
    }
}
