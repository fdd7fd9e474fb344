import Crypto
import Foundation
import Vapor

/// A limit on how often one client may do one thing: `limit` requests per `window`, as a token bucket
/// (a burst up to the limit, then the steady rate). `key` says who the client is for this rule (their
/// token, their address), or nil when the rule does not apply to the request.
package struct RateRule: Sendable {
    package let name: String
    package let limit: Int
    package let window: TimeInterval
    /// The catalogue key of the message a refused request gets.
    package let messageKey: String
    package let key: @Sendable (Request) -> String?

    package init(name: String, limit: Int, window: TimeInterval, messageKey: String = "error.rate_limited",
                 key: @escaping @Sendable (Request) -> String?) {
        self.name = name
        self.limit = limit
        self.window = window
        self.messageKey = messageKey
        self.key = key
    }

    /// The API, per token (per address without one): `HUZHU_API_RATE_LIMIT` requests a minute.
    package static func api(perMinute: Int) -> RateRule {
        RateRule(name: "api", limit: perMinute, window: 60) { request in
            guard request.isAPI else { return nil }
            if let token = request.headers.bearerAuthorization?.token {
                return "token:" + Data(SHA256.hash(data: Data(token.utf8))).prefix(12).hexString
            }
            return "address:" + request.clientAddress
        }
    }
}

/// Token buckets in memory (one server process): enough to stop a flood from one client without
/// keeping anything about what they sent.
package actor RateBuckets {
    private var buckets: [String: (tokens: Double, at: Date)] = [:]

    package init() {}

    /// nil when one more request is allowed now (and counts it); else the seconds to wait.
    package func take(_ key: String, limit: Int, window: TimeInterval, now: Date) -> Int? {
        let rate = Double(limit) / window
        var bucket = buckets[key] ?? (Double(limit), now)
        // A clock set back (by hand, or by NTP) refills nothing, and does not drain the bucket either.
        bucket.tokens = min(Double(limit), bucket.tokens + max(0, now.timeIntervalSince(bucket.at)) * rate)
        bucket.at = now
        guard bucket.tokens >= 1 else {
            buckets[key] = bucket
            return Int(((1 - bucket.tokens) / rate).rounded(.up))
        }
        bucket.tokens -= 1
        buckets[key] = bucket
        if buckets.count > 50_000 {  // forget clients whose buckets have refilled
            buckets = buckets.filter { $0.value.tokens + max(0, now.timeIntervalSince($0.value.at)) * rate < Double(limit) }
        }
        return nil
    }
}

/// Applies every rate rule before anything else is looked up: a refused request costs no database work.
/// The answer is 429 with `Retry-After`, as JSON on the API and a page elsewhere, in the client's language.
struct RateLimiting: AsyncMiddleware {
    let buckets = RateBuckets()

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let now = request.application.clock.now()
        for rule in request.application.rateRules where rule.limit > 0 {
            guard let key = rule.key(request),
                  let wait = await buckets.take("\(rule.name)|\(key)", limit: rule.limit, window: rule.window, now: now) else { continue }
            let message = request.t(rule.messageKey)
            let response: Response
            if request.isAPI {
                response = Response(status: .tooManyRequests)
                try response.content.encode(ErrorResponder.Body(error: .init(code: "rate_limited", message: message, fields: nil)))
            } else {
                response = request.page(request.t("error.title"), status: .tooManyRequests,
                                        .p(.class("notice error"), .attribute(named: "role", value: "alert"), .text(message)))
            }
            return response.retryAfter(wait)
        }
        return try await next.respond(to: request)
    }
}

extension Application {
    private struct RateRulesKey: StorageKey { typealias Value = [RateRule] }

    /// Every feature's rate rules (the API's is the platform's own).
    package var rateRules: [RateRule] {
        get { storage[RateRulesKey.self] ?? [] }
        set { storage[RateRulesKey.self] = newValue }
    }
}

extension Response {
    /// Tells the client how many seconds to wait before asking again (at least one).
    package func retryAfter(_ seconds: Int) -> Response {
        headers.replaceOrAdd(name: .retryAfter, value: String(max(1, seconds)))
        return self
    }
}
