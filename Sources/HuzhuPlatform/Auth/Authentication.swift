import Foundation
import Vapor

/// Finds who is making a request: from the session cookie on pages, from `Authorization: Bearer` on the
/// API. The API never accepts the cookie, so a page in another tab cannot drive it (no CSRF there).
package struct Authentication: AsyncMiddleware {
    package init() {}

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let now = request.application.clock.now()
        if request.isAPI {
            if let secret = request.headers.bearerAuthorization?.token,
               let token = try await ApiToken.find(secret: secret, on: request.db) {
                request.actor = try await request.application.actorDirectory.activeActor(userID: token.userID, on: request.db)
                if request.actor != nil, token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
                    token.lastUsedAt = now
                    try await token.save(on: request.db)
                }
            }
        } else if let cookie = request.cookies[StaffSession.cookieName]?.string,
                  let session = try await StaffSession.find(token: cookie, now: now, on: request.db) {
            request.actor = try await request.application.actorDirectory.activeActor(userID: session.userID, on: request.db)
            if request.actor == nil {
                try await session.delete(on: request.db)
            }
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    package var isAPI: Bool { url.path.hasPrefix("/api/") }

    /// The client's address for throttling and the audit log: the peer, or, behind a reverse proxy on
    /// this machine, the address that proxy appended last to `X-Forwarded-For` (earlier entries are
    /// whatever the client claimed, and cannot be trusted).
    package var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "unknown"
        if peer == "127.0.0.1" || peer == "::1", let forwarded = headers[.xForwardedFor].last {
            return forwarded.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? peer
        }
        return peer
    }
}
