import Fluent
import HuzhuCore
import HuzhuPlatform
import Vapor

/// Signing in and out. Repeated failures slow down and then lock the account and the address
/// (`LoginThrottle`); unknown logins and wrong passwords are indistinguishable, in words and in time.
enum LoginController {
    struct Input: Content {
        var login: String?
        var password: String?
        var next: String?
        /// "Remember this device": the cookie outlives the browser, still only until the absolute limit.
        var remember: String?
    }

    /// A real bcrypt hash of nothing anyone knows, checked when the login is unknown so that an
    /// unknown account takes as long to refuse as a wrong password.
    private static let decoyHash = try! Bcrypt.hash(SecretToken.generate(), cost: 12)

    static func register(_ routes: any RoutesBuilder) {
        routes.get(PlatformRoute.login) { request async throws -> Response in
            if request.actor != nil { return request.redirect(to: PlatformRoute.home.path) }
            let next = LanguageSwitch.safeReturnPath(request.query[String.self, at: "next"])
            return request.page(request.t("session.sign_in"), LoginView(next: next, limits: request.application.sessionLimits).render(request.pageContext))
        }
        routes.post(PlatformRoute.login, use: signIn)
        routes.post(PlatformRoute.logout, use: signOut)
    }

    static func signIn(_ request: Request) async throws -> Response {
        let input = try request.content.decode(Input.self)
        let login = (input.login ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = input.password ?? ""
        let next = LanguageSwitch.safeReturnPath(input.next)
        let remember = input.remember == "on"
        var view = LoginView(login: login, next: next == "/" ? "" : next, remember: remember,
                             limits: request.application.sessionLimits)
        let now = request.application.clock.now()
        let loginGuard = LoginGuard(login: String(login.prefix(100)), address: request.clientAddress)

        func refuse(_ status: HTTPResponseStatus, _ key: String, _ arguments: [String] = []) -> Response {
            view.errorKey = key
            view.errorArguments = arguments
            return request.page(request.t("session.sign_in"), status: status, view.render(request.pageContext))
        }

        guard !login.isEmpty, !password.isEmpty else { return refuse(.badRequest, "error.login_missing") }
        if let refusal = try await loginGuard.refusal(now: now, request) {
            return refuse(.tooManyRequests, refusal.key, refusal.arguments).retryAfter(refusal.seconds)
        }

        let user = try await User.query(on: request.db).filter(\.$login == login).filter(\.$active == true).first()
        let hash = user?.passwordHash ?? decoyHash
        let matches = (try? await request.application.verifyPassword(password, hash: hash)) ?? false
        guard let user, matches else {
            try await request.db.write { db in
                try await loginGuard.recordFailure(now: now, on: db)
                // The account's id when it exists; never what was typed (it may be a password in the wrong field).
                try await request.audit(.loginFailed, recordType: "user", recordID: user?.id, ngoID: user?.ngoID, on: db)
            }
            return refuse(.unauthorized, "error.login_failed")
        }

        if user.totpEnabledAt != nil {  // the password was right; the code comes next
            let response = request.redirect(to: queryLink(OrgRoute.signInCode.path, [("next", next == "/" ? nil : next),
                                                                                   ("remember", remember ? "on" : nil)]))
            response.cookies[request.application.cookieName(PendingSignIn.cookieName)] = request.application.cookie(
                PendingSignIn.value(userID: try user.requireID(), now: now, cipher: request.application.fieldCipher),
                maxAge: Int(PendingSignIn.lifetime))
            return response
        }
        return try await startSession(for: user, loginGuard: loginGuard, detail: nil, next: next, remember: remember, request)
    }

    /// Signs the person in: a new session (and so new form tokens), the failures forgotten, the sign-in
    /// audited. The cookie ends with the browser unless the person asked to be remembered on this device.
    static func startSession(for user: User, loginGuard: LoginGuard, detail: AuditDetail?, next: String, remember: Bool,
                             _ request: Request) async throws -> Response {
        let now = request.application.clock.now()
        let limits = request.application.sessionLimits
        let token = try await request.db.write { db in
            try await loginGuard.recordSuccess(on: db)
            let token = try await StaffSession.start(userID: try user.requireID(), address: request.clientAddress,
                                                     limits: limits, now: now, on: db)
            user.previousLoginAt = user.lastLoginAt
            user.lastLoginAt = now
            // A language chosen on the switch before signing in is the person's choice: it stays on the account.
            if let chosen = request.cookies[request.application.cookieName(Request.languageCookie)].flatMap({ Language(rawValue: $0.string) }) {
                user.language = chosen
                user.languageChosen = true
            }
            try await user.save(on: db)
            try await AuditEvent.record(.login, by: AuditSource(userID: user.id, login: user.login, address: request.clientAddress),
                                        at: now, recordType: "user", recordID: user.id, ngoID: user.ngoID, detail: detail, on: db)
            return token
        }

        let response = request.redirect(to: next)
        response.cookies[request.application.cookieName(StaffSession.cookieName)] = request.application.cookie(
            token, maxAge: remember ? Int(limits.absolute) : nil)
        // Forms are now bound to the new session: a token seen before sign-in is worthless after it.
        response.cookies[request.application.cookieName(PendingSignIn.cookieName)] = request.application.cookie("", maxAge: 0)
        return response
    }

    static func signOut(_ request: Request) async throws -> Response {
        if let cookie = request.cookies[request.application.cookieName(StaffSession.cookieName)]?.string {
            try await StaffSession.end(token: cookie, on: request.db)
        }
        if let actor = request.actor {
            try await request.audit(.logout, recordType: "user", recordID: actor.userID, ngoID: actor.ngoID)
        }
        let response = request.redirect(to: PlatformRoute.login.path)
        response.cookies[request.application.cookieName(StaffSession.cookieName)] = request.application.cookie("", maxAge: 0)
        return response
    }
}

extension LoginGuard {
    /// Why the next attempt must wait, if it must: the message, its arguments, and the seconds to wait.
    func refusal(now: Date, _ request: Request) async throws -> (key: String, arguments: [String], seconds: Int)? {
        switch try await decision(now: now, on: request.db) {
        case .allowed: nil
        case .wait(let seconds): ("error.login_wait", [String(seconds)], seconds)
        case .locked(let until): ("error.login_locked", [request.t.dateTime(until)], Int(until.timeIntervalSince(now).rounded(.up)))
        }
    }
}
