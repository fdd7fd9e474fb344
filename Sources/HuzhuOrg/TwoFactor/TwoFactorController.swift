import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// The code step of signing in, and each person's own two-step sign-in page: enrol a phone, turn it
/// off, renew the recovery codes. Every change needs a current code, so a session left open on a shared
/// computer cannot switch it off.
enum TwoFactorController {
    struct CodeInput: Content {
        var otp: String?
        var next: String?
        var remember: String?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(OrgRoute.signInCode) { request async throws -> Response in
            guard try await pendingUser(request) != nil else { return request.redirect(to: PlatformRoute.login.path) }
            let next = LanguageSwitch.safeReturnPath(request.query[String.self, at: "next"])
            let remember = request.query[String.self, at: "remember"] == "on"
            return request.page(request.t("twofactor.title"),
                                TwoFactorViews.codeForm(next: next, remember: remember, errorKey: nil, request.pageContext))
        }
        routes.post(OrgRoute.signInCode, use: signIn)
        routes.get(OrgRoute.twoFactor) { request async throws -> Response in
            let (actor, user) = try await own(request)
            return try await accountPage(request, actor, user, errors: ValidationErrors(), status: .ok)
        }
        routes.post(OrgRoute.twoFactorStart, use: start)
        routes.post(OrgRoute.twoFactorEnable, use: enable)
        routes.post(OrgRoute.twoFactorDisable, use: disable)
        routes.post(OrgRoute.twoFactorRecoveryCodes, use: renewRecoveryCodes)
    }

    /// The person who gave the right password in the last five minutes, if any.
    private static func pendingUser(_ request: Request) async throws -> User? {
        guard let id = PendingSignIn.userID(from: request.cookies[request.application.cookieName(PendingSignIn.cookieName)]?.string,
                                            now: request.application.clock.now(), cipher: request.application.fieldCipher) else { return nil }
        return try await User.query(on: request.db).filter(\.$id == id).filter(\.$active == true).first()
    }

    static func signIn(_ request: Request) async throws -> Response {
        guard let user = try await pendingUser(request), user.totpEnabledAt != nil else {
            return request.redirect(to: PlatformRoute.login.path)
        }
        let input = try request.content.decode(CodeInput.self)
        let next = LanguageSwitch.safeReturnPath(input.next)
        let remember = input.remember == "on"
        let code = (input.otp ?? "").trimmingCharacters(in: .whitespaces)
        let now = request.application.clock.now()
        let loginGuard = LoginGuard(login: user.login, address: request.clientAddress)
        func refuse(_ status: HTTPResponseStatus, _ key: String, _ arguments: [String] = []) -> Response {
            request.page(request.t("twofactor.title"), status: status,
                         TwoFactorViews.codeForm(next: next, remember: remember, errorKey: key, arguments: arguments,
                                                 request.pageContext))
        }
        if let refusal = try await loginGuard.refusal(now: now, request) {
            return refuse(.tooManyRequests, refusal.key, refusal.arguments).retryAfter(refusal.seconds)
        }
        let userID = try user.requireID()
        let how: AuditDetail? = try await request.db.write { db in
            if try TwoFactor.accept(code, for: user, cipher: request.application.fieldCipher, now: now) {
                try await user.save(on: db)
                return AuditDetail("one-time code")
            }
            if try await TwoFactor.useRecoveryCode(code, for: userID, now: now, on: db) { return AuditDetail("recovery code") }
            try await loginGuard.recordFailure(now: now, on: db)
            try await request.audit(.loginFailed, recordType: "user", recordID: userID, ngoID: user.ngoID, detail: AuditDetail("second factor"), on: db)
            return nil
        }
        guard let how else { return refuse(.unauthorized, "error.code_wrong") }
        return try await LoginController.startSession(for: user, loginGuard: loginGuard, detail: how, next: next,
                                                      remember: remember, request)
    }

    private static func own(_ request: Request) async throws -> (Actor, User) {
        let actor = try request.authorize(.ownSecondFactor, in: Policy.ownScope(of: try request.requireActor()))
        guard let user = try await User.find(actor.userID, on: request.db) else { throw HuzhuAbort.notFound }
        return (actor, user)
    }

    static func accountPage(_ request: Request, _ actor: Actor, _ user: User, errors: ValidationErrors,
                            status: HTTPResponseStatus) async throws -> Response {
        let state: TwoFactorViews.State
        if let since = user.totpEnabledAt {
            state = .on(since: since, recoveryCodesLeft: try await TwoFactor.remainingRecoveryCodes(of: actor.userID, on: request.db),
                        required: TwoFactor.isRequired(for: actor.role, on: request.application))
        } else if let totp = try TwoFactor.totp(of: user, cipher: request.application.fieldCipher) {
            state = .enrolling(totp.uri(account: user.login, issuer: TwoFactor.issuer), key: Base32.encode(totp.secret))
        } else {
            state = .off(required: TwoFactor.isRequired(for: actor.role, on: request.application))
        }
        return request.page(request.t("twofactor.title"), status: status, TwoFactorViews.account(state, errors: errors, request.pageContext))
    }

    static func start(_ request: Request) async throws -> Response {
        let (_, user) = try await own(request)
        guard user.totpEnabledAt == nil else { return request.redirect(to: OrgRoute.twoFactor.path) }
        try TwoFactor.begin(user, cipher: request.application.fieldCipher)
        try await request.db.write { db in try await user.save(on: db) }
        return request.redirect(to: OrgRoute.twoFactor.path)
    }

    static func enable(_ request: Request) async throws -> Response {
        let (actor, user) = try await own(request)
        guard user.totpEnabledAt == nil, user.totpSecret != nil else { return request.redirect(to: OrgRoute.twoFactor.path) }
        let code = try request.content.decode(CodeInput.self).otp ?? ""
        let now = request.application.clock.now()
        guard try TwoFactor.accept(code, for: user, cipher: request.application.fieldCipher, now: now) else {
            return try await accountPage(request, actor, user, errors: ValidationErrors([FieldError("otp", "error.code_wrong")]),
                                         status: .unprocessableEntity)
        }
        user.totpEnabledAt = now
        let codes = try await request.db.write { db in
            try await user.save(on: db)
            try await request.audit(.enableTwoFactor, recordType: "user", recordID: actor.userID, ngoID: actor.ngoID, on: db)
            return try await TwoFactor.newRecoveryCodes(for: actor.userID, on: db)
        }
        return request.page(request.t("twofactor.title"), TwoFactorViews.recoveryCodes(codes, request.pageContext))
    }

    static func disable(_ request: Request) async throws -> Response {
        let (actor, user) = try await own(request)
        guard user.totpEnabledAt != nil else { return request.redirect(to: OrgRoute.twoFactor.path) }
        if TwoFactor.isRequired(for: actor.role, on: request.application) { throw HuzhuAbort(.forbidden, "error.two_factor_required") }
        let code = try request.content.decode(CodeInput.self).otp ?? ""
        guard try TwoFactor.accept(code, for: user, cipher: request.application.fieldCipher, now: request.application.clock.now()) else {
            return try await accountPage(request, actor, user, errors: ValidationErrors([FieldError("otp", "error.code_wrong")]),
                                         status: .unprocessableEntity)
        }
        user.totpSecret = nil
        user.totpEnabledAt = nil
        user.totpLastStep = nil
        try await request.db.write { db in
            try await user.save(on: db)
            try await RecoveryCode.query(on: db).filter(\.$userID == actor.userID).delete()
            try await request.audit(.disableTwoFactor, recordType: "user", recordID: actor.userID, ngoID: actor.ngoID, on: db)
        }
        return request.redirect(to: OrgRoute.twoFactor.path)
    }

    static func renewRecoveryCodes(_ request: Request) async throws -> Response {
        let (actor, user) = try await own(request)
        guard user.totpEnabledAt != nil else { return request.redirect(to: OrgRoute.twoFactor.path) }
        let code = try request.content.decode(CodeInput.self).otp ?? ""
        guard try TwoFactor.accept(code, for: user, cipher: request.application.fieldCipher, now: request.application.clock.now()) else {
            return try await accountPage(request, actor, user, errors: ValidationErrors([FieldError("otp", "error.code_wrong")]),
                                         status: .unprocessableEntity)
        }
        let codes = try await request.db.write { db in
            try await user.save(on: db)
            try await request.audit(.renewRecoveryCodes, recordType: "user", recordID: actor.userID, ngoID: actor.ngoID, on: db)
            return try await TwoFactor.newRecoveryCodes(for: actor.userID, on: db)
        }
        return request.page(request.t("twofactor.title"), TwoFactorViews.recoveryCodes(codes, request.pageContext))
    }
}

/// Where the deployment requires it, an administrator or supervisor who has not set up two-step
/// sign-in can open nothing but the page that sets it up (and sign out).
struct TwoFactorRequirement: AsyncMiddleware {
    static let open = [OrgRoute.twoFactor.path, PlatformRoute.logout.path, "/language", StaticAssets.prefix, "/healthz"]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let actor = request.actor, !actor.twoFactor, !request.isAPI,
              TwoFactor.isRequired(for: actor.role, on: request.application),
              !Self.open.contains(where: { request.url.path.hasPrefix($0) }) else {
            return try await next.respond(to: request)
        }
        if request.method == .GET { return request.redirect(to: OrgRoute.twoFactor.path) }
        throw HuzhuAbort(.forbidden, "error.two_factor_required")
    }
}
