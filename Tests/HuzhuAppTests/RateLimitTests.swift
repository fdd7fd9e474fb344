import Foundation
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("Rate limits: 429 with Retry-After on the API, sign-in, the telephony webhook and the public form")
struct RateLimitTests {
    @Test("The API allows each token its own rate; past it, a 429 in JSON with Retry-After, until the bucket refills")
    func api() async throws {
        let clock = TestClock()
        try await withHuzhu(clock: clock) { app, browser in
            app.rateRules = app.rateRules.filter { $0.name != "api" } + [.api(perMinute: 3)]
            try await browser.login("caseworker")
            let first = try await browser.apiHeaders()
            for _ in 0..<3 { #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: first).status == .ok) }
            let refused = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: first)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.text.contains("\"code\":\"rate_limited\"") && refused.text.contains("请求太频繁"))
            #expect(refused.headers.first(name: .retryAfter) == "20")
            let other = browser.fresh()
            try await other.login("supervisor")
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: try await other.apiHeaders()).status == .ok)
            // A clock set back (an operator, NTP) neither refills the bucket nor drains it.
            clock.advance(-3600)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: first).status == .tooManyRequests)
            clock.advance(20)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: first).status == .ok)
        }
    }

    @Test("Sign-in attempts from one address are limited, whichever accounts they name")
    func signIn() async throws {
        try await withHuzhu(clock: TestClock()) { _, browser in
            var statuses: [HTTPResponseStatus] = []
            // Half-filled forms: refused before any password is checked, so only the rate rule can stop them.
            for n in 0..<60 { statuses.append(try await browser.post("/login", ["login": "nobody\(n)", "password": ""]).status) }
            #expect(statuses.allSatisfy { $0 == .badRequest })
            let last = try await browser.post("/login", ["login": "admin", "password": "x"])
            #expect(last.status == .tooManyRequests && Int(last.headers.first(name: .retryAfter) ?? "") ?? 0 > 0)
        }
    }

    @Test("The telephony webhook takes 600 events a minute from one address, then 429")
    func telephony() async throws {
        try await withHuzhu(clock: TestClock()) { app, _ in
            var headers = HTTPHeaders()
            headers.contentType = .json
            for _ in 0..<600 {
                #expect(try await app.testing().sendRequest(.POST, "/api/v1/telephony/events", headers: headers, body: ByteBuffer(string: "{}")).status == .badRequest)
            }
            let refused = try await app.testing().sendRequest(.POST, "/api/v1/telephony/events", headers: headers, body: ByteBuffer(string: "{}"))
            #expect(refused.status == .tooManyRequests && refused.headers.first(name: .retryAfter) != nil)
        }
    }
}
