import Foundation
import Vapor

/// Cross-site request forgery protection for forms: every form carries a token that only the server can
/// compute, an HMAC of the browser's session (or, before sign-in, of a random pre-session cookie), and
/// a state-changing request whose token does not match is refused before it reaches a handler. A cookie
/// planted by a neighbouring site is worthless: the token is not the cookie but a keyed hash of it.
/// SameSite=Lax already keeps most forged posts out; this closes the rest, including a forged login.
package struct CSRFProtection: AsyncMiddleware {
    /// The pre-session cookie that binds the token before anyone signs in.
    package static let cookieName = "huzhu_csrf"
    package static let fieldName = "csrf"
    /// Forms are small; a bigger body is refused rather than buffered.
    package static let maxFormBytes = 64 * 1024

    package init() {}

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let app = request.application
        let session = request.cookies[app.cookieName(StaffSession.cookieName)]?.string
        let preSession = request.cookies[app.cookieName(Self.cookieName)]?.string
        let binding = session ?? preSession ?? SecretToken.generate()
        request.csrfToken = Self.token(binding: binding, cipher: app.fieldCipher)

        if !request.isAPI && ![.GET, .HEAD, .OPTIONS].contains(request.method) {
            // A body that arrived whole is not checked by `collect(max:)`, so its size is checked here.
            let limit = app.uploadLimit(for: request.url.path) ?? Self.maxFormBytes
            let body = try await request.body.collect(max: limit).get()
            if let body, body.readableBytes > limit { throw HuzhuAbort(.payloadTooLarge, "error.too_large") }
            guard body != nil, session != nil || preSession != nil,
                  let submitted = try? request.content.get(String.self, at: Self.fieldName),
                  SecretToken.constantTimeEquals(submitted, request.csrfToken) else {
                throw HuzhuAbort(.forbidden, "error.csrf")
            }
        }

        let response = try await next.respond(to: request)
        if session == nil && preSession == nil {
            response.cookies[app.cookieName(Self.cookieName)] = app.cookie(binding, maxAge: nil)
        }
        return response
    }

    /// The token of the forms shown to the holder of `binding`.
    package static func token(binding: String, cipher: FieldCipher) -> String {
        cipher.lookupHash("csrf:" + binding)
    }
}

extension Request {
    private struct CSRFKey: StorageKey { typealias Value = String }

    /// The token every form on this page must carry.
    package var csrfToken: String {
        get { storage[CSRFKey.self] ?? "" }
        set { storage[CSRFKey.self] = newValue }
    }
}

extension Application {
    private struct UploadLimitsKey: StorageKey { typealias Value = [String: Int] }

    /// Form paths that take more than a small form (file uploads), with their limit in bytes. A path
    /// may hold route parameters (`/cases/:id/files`), which match any one segment.
    package var uploadLimits: [String: Int] {
        get { storage[UploadLimitsKey.self] ?? [:] }
        set { storage[UploadLimitsKey.self] = newValue }
    }

    package func uploadLimit(for path: String) -> Int? {
        if let exact = uploadLimits[path] { return exact }
        let segments = path.split(separator: "/")
        return uploadLimits.first { pattern, _ in
            let parts = pattern.split(separator: "/")
            return parts.count == segments.count && zip(parts, segments).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
        }?.value
    }

    private struct SecureCookiesKey: StorageKey { typealias Value = Bool }

    /// On when served behind HTTPS (`HUZHU_SECURE_COOKIES`).
    package var secureCookies: Bool {
        get { storage[SecureCookiesKey.self] ?? false }
        set { storage[SecureCookiesKey.self] = newValue }
    }

    /// A cookie's name as set and read: `__Host-` prefixed under HTTPS, so that it can only have been set
    /// by this host, over HTTPS, for the whole site (a neighbouring subdomain cannot plant it).
    package func cookieName(_ base: String) -> String {
        secureCookies ? "__Host-" + base : base
    }

    /// Every cookie Huzhu sets: HttpOnly, SameSite=Lax, whole site, Secure when configured.
    package func cookie(_ value: String, maxAge: Int?) -> HTTPCookies.Value {
        HTTPCookies.Value(string: value, maxAge: maxAge, path: "/", isSecure: secureCookies,
                          isHTTPOnly: true, sameSite: .lax)
    }
}
