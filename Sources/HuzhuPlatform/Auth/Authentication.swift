import Foundation
import Vapor

/// Finds who is making a request: from the session cookie on pages, from `Authorization: Bearer` on the
/// API. The API never accepts the cookie, so a page in another tab cannot drive it (no CSRF there).
package struct Authentication: AsyncMiddleware {
    package init() {}

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Stylesheet and scripts are the same for everyone: no need to look up who asks for them.
        if !request.url.path.hasPrefix(StaticAssets.prefix) {
            request.actor = try await onDuty(try await identify(request), request)
        }
        return try await next.respond(to: request)
    }

    /// The person with the offices where they are on duty now, when a grant of theirs depends on it.
    private func onDuty(_ actor: Actor?, _ request: Request) async throws -> Actor? {
        guard var actor, request.application.policy.dependsOnDuty(actor.role),
              let roster = request.application.dutyRoster else { return actor }
        actor.onDutyAt = try await roster.officesOnDuty(userID: actor.userID, at: request.application.clock.now(), on: request.db)
        return actor
    }

    private func identify(_ request: Request) async throws -> Actor? {
        let directory = request.application.actorDirectory
        let now = request.application.clock.now()
        if request.isAPI {
            guard let secret = request.headers.bearerAuthorization?.token,
                  let token = try await ApiToken.find(secret: secret, on: request.db),
                  let actor = try await directory.activeActor(userID: token.userID, on: request.db) else { return nil }
            if token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
                token.lastUsedAt = now
                try await request.db.write { db in try await token.save(on: db) }
            }
            return actor
        }
        guard let cookie = request.cookies[request.application.cookieName(StaffSession.cookieName)]?.string,
              let session = try await StaffSession.find(token: cookie, limits: request.application.sessionLimits, now: now,
                                                         on: request.db) else { return nil }
        guard let actor = try await directory.activeActor(userID: session.userID, on: request.db) else {
            try await request.db.write { db in try await session.delete(on: db) }
            return nil
        }
        return actor
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
