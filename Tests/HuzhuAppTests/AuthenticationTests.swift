import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuOrg
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("Signing in and out")
struct AuthenticationTests {
    @Test("A demo account signs in, gets a hardened session cookie and reaches the home page")
    func signIn() async throws {
        try await withHuzhu { app, browser in
            let response = try await browser.post("/login", ["login": "caseworker", "password": DemoNetwork.password])
            #expect(response.status == .seeOther)
            #expect(response.location == "/")
            let cookie = try #require(response.headers.setCookie?[StaffSession.cookieName])
            #expect(cookie.isHTTPOnly)
            #expect(cookie.sameSite == .lax)
            #expect(!cookie.isSecure)
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("王磊"))
            #expect(home.text.contains("北京办公室"))
            #expect(try await app.auditActions().contains("auth.login"))
        }
    }

    @Test("An unknown login and a wrong password get the same message and no session")
    func sameRefusal() async throws {
        try await withHuzhu { app, browser in
            let unknown = try await browser.post("/login", ["login": "nobody", "password": "whatever-123"])
            let wrong = try await browser.fresh().post("/login", ["login": "admin", "password": "whatever-123"])
            #expect(unknown.status == .unauthorized)
            #expect(wrong.status == .unauthorized)
            #expect(unknown.text.contains("登录名或密码不正确"))
            #expect(wrong.text.contains("登录名或密码不正确"))
            #expect(browser.cookies[StaffSession.cookieName] == nil)
            #expect(try await StaffSession.query(on: app.db).count() == 0)
        }
    }

    @Test("Repeated failures first slow an account down, then lock it, even for the right password")
    func throttling() async throws {
        let clock = TestClock()
        try await withHuzhu(clock: clock) { app, browser in
            for _ in 0..<3 {
                #expect(try await browser.post("/login", ["login": "admin", "password": "wrong-password"]).status == .unauthorized)
            }
            #expect(try await browser.post("/login", ["login": "admin", "password": "wrong-password"]).status == .unauthorized)
            let slowed = try await browser.post("/login", ["login": "admin", "password": DemoNetwork.password])
            #expect(slowed.status == .tooManyRequests)
            #expect(slowed.text.contains("秒后再试"))
            #expect(Int(slowed.headers.first(name: .retryAfter) ?? "") == 5)
            for _ in 0..<2 {
                clock.advance(60)
                #expect(try await browser.post("/login", ["login": "admin", "password": "wrong-password"]).status == .unauthorized)
            }
            clock.advance(60)
            let locked = try await browser.post("/login", ["login": "admin", "password": DemoNetwork.password])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("已暂时锁定"))
            #expect(Int(locked.headers.first(name: .retryAfter) ?? "") ?? 0 >= 14 * 60)
            clock.advance(15 * 60)
            try await browser.login("admin")
        }
    }

    @Test("Guessing from one address cannot lock the account for its owner elsewhere; the guesser stays slowed")
    func noLockoutFromAfar() async throws {
        let clock = TestClock()
        try await withHuzhu(clock: clock) { app, _ in
            let attacker = LoginGuard(login: "admin", address: "203.0.113.9")
            for _ in 0..<LoginThrottle.account.lockAfter {
                try await attacker.recordFailure(now: clock.now(), on: app.db)
                clock.advance(1)
            }
            guard case .locked = try await attacker.decision(now: clock.now(), on: app.db) else {
                Issue.record("the guessing address should be locked out of the account")
                return
            }
            let owner = LoginGuard(login: "admin", address: "198.51.100.7")
            #expect(try await owner.decision(now: clock.now(), on: app.db) == .allowed)
            // The guesser spreading over other accounts is stopped by the address's own limit.
            for index in 0..<LoginThrottle.address.lockAfter {
                try await LoginGuard(login: "user\(index)", address: "203.0.113.9").recordFailure(now: clock.now(), on: app.db)
            }
            guard case .locked = try await LoginGuard(login: "caseworker", address: "203.0.113.9").decision(now: clock.now(), on: app.db) else {
                Issue.record("an address that failed on many accounts should be locked on all")
                return
            }
            #expect(try await owner.decision(now: clock.now(), on: app.db) == .allowed)
        }
    }

    @Test("Logging out ends the session on the server, not only in the browser")
    func logout() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("supervisor")
            let stolen = browser.cookies[StaffSession.cookieName]!
            #expect(try await browser.post("/logout").location == "/login")
            #expect(try await StaffSession.query(on: app.db).count() == 0)
            let replay = try await browser.fresh().get("/", headers: ["Cookie": "\(StaffSession.cookieName)=\(stolen)"])
            #expect(replay.status == .seeOther)
            #expect(replay.location == "/login")
        }
    }

    @Test("A session ends after 30 idle minutes and 12 hours after sign-in; its cookie outlives the browser only if remembered")
    func sessionLimits() async throws {
        let clock = TestClock()
        try await withHuzhu(clock: clock) { app, browser in
            let signIn = try await browser.post("/login", ["login": "caseworker", "password": DemoNetwork.password])
            #expect(signIn.headers.setCookie?[StaffSession.cookieName]?.maxAge == nil)
            #expect(signIn.headers.setCookie?[StaffSession.cookieName]?.expires == nil)
            clock.advance(29 * 60)
            #expect(try await browser.get("/").status == .ok)
            clock.advance(29 * 60)  // 58 minutes after sign-in, 29 after the last use
            #expect(try await browser.get("/").status == .ok)
            clock.advance(31 * 60)
            let idle = try await browser.get("/")
            #expect(idle.status == .seeOther && idle.location?.hasPrefix("/login") == true)

            let busy = browser.fresh()
            let remembered = try await busy.post("/login", ["login": "caseworker", "password": DemoNetwork.password, "remember": "on"])
            #expect(remembered.headers.setCookie?[StaffSession.cookieName]?.maxAge == 12 * 3600)
            for _ in 0..<(12 * 3) {  // used every 20 minutes for a working day
                #expect(try await busy.get("/").status == .ok)
                clock.advance(20 * 60)
            }
            let ended = try await busy.get("/")
            #expect(ended.status == .seeOther && ended.location?.hasPrefix("/login") == true)
            #expect(try await StaffSession.query(on: app.db).count() == 0)
        }
    }

    @Test("A new deployment requires two-step sign-in of administrators and supervisors unless it is turned off")
    func twoFactorByDefault() throws {
        #expect(try HuzhuConfiguration(environment: [:]).requireTwoFactor)
        #expect(try !HuzhuConfiguration(environment: ["HUZHU_REQUIRE_TWO_FACTOR": "false"]).requireTwoFactor)
        #expect(try HuzhuConfiguration(environment: [:]).sessionIdleMinutes == 30)
        #expect(try HuzhuConfiguration(environment: ["HUZHU_SESSION_HOURS": "8"]).sessionHours == 8)
        #expect(throws: ConfigurationError.self) { try HuzhuConfiguration(environment: ["HUZHU_SESSION_IDLE_MINUTES": "0"]) }
    }

    @Test("Deactivating an account or resetting its password ends its sessions at once")
    func sessionsEnd() async throws {
        try await withHuzhu { app, admin in
            try await admin.login("ngoadmin")
            let volunteer = admin.fresh()
            try await volunteer.login("volunteer")
            let lawyer = admin.fresh()
            try await lawyer.login("lawyer")
            #expect(try await volunteer.get("/").status == .ok)

            let volunteerID = try await app.user("volunteer").requireID()
            var form = UserDraft(try await app.user("volunteer"))
            form.active = nil
            let response = try await admin.post("/admin/users/\(volunteerID)", form.fields)
            #expect(response.status == .seeOther)
            #expect(try await volunteer.get("/").location == "/login")
            #expect(try await volunteer.fresh().post("/login", ["login": "volunteer", "password": DemoNetwork.password]).status == .unauthorized)

            let lawyerID = try await app.user("lawyer").requireID()
            let reset = try await admin.post("/admin/users/\(lawyerID)/password", ["confirm": "on"])
            #expect(reset.status == .ok)
            #expect(try await lawyer.get("/").location == "/login")
            let newPassword = try #require(reset.text.firstMatch(of: /<code class="secret">([^<]+)<\/code>/)?.1)
            try await lawyer.login("lawyer", password: String(newPassword))
            #expect(try await app.auditActions().contains("org.user.reset_password"))
        }
    }

    @Test("The account page shows the sign-in before this one, in Beijing time")
    func previousSignIn() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_795_278_600))  // 2026-11-22 00:30 in Beijing
        try await withHuzhu(clock: clock) { _, browser in
            try await browser.login("caseworker")
            #expect(try await browser.get("/account").text.contains("这是您第一次登录"))
            clock.advance(3600)
            let later = browser.fresh()
            try await later.login("caseworker")
            #expect(try await later.get("/account").text.contains("2026-11-22 00:30"))
        }
    }

    @Test("Secure cookies are marked Secure when configured")
    func secureCookies() async throws {
        try await withHuzhu { app, browser in
            app.secureCookies = true
            let response = try await browser.post("/login", ["login": "admin", "password": DemoNetwork.password])
            #expect(response.headers.setCookie?["__Host-" + StaffSession.cookieName]?.isSecure == true)
        }
    }
}

extension UserDraft {
    /// The draft as the form would post it.
    var fields: [String: String] {
        var fields: [String: String] = [:]
        fields["display_name"] = display_name
        fields["role"] = role
        fields["ngo"] = ngo
        fields["office"] = office
        fields["language"] = language
        fields["active"] = active
        return fields
    }
}
