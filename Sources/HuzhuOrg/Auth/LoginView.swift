import HuzhuCore
import HuzhuPlatform
import Plot

/// The sign-in form. One message for every refusal, so it never tells whether an account exists.
struct LoginView {
    var login: String = ""
    var next: String = ""
    var remember = false
    var limits = SessionLimits.standard
    var errorKey: String?
    var errorArguments: [String] = []

    func render(_ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let none = ValidationErrors()
        return .div(.class("narrow"),
            .unwrap(errorKey) { key in
                .div(.class("notice error"), .attribute(named: "role", value: "alert"),
                     .text(t.catalogue.text(key, t.language, errorArguments)))
            },
            Forms.post(PlatformRoute.login.path, page,
                Forms.hidden("next", next),
                Forms.text("login", value: login, errors: none, t, autocomplete: "username"),
                Forms.text("password", value: nil, errors: none, t, type: .password, autocomplete: "current-password"),
                Forms.checkbox("remember", checked: remember, t),
                .p(.class("hint"), .text(t("session.remember_hint", String(Int(limits.idle / 60)), String(Int(limits.absolute / 3600))))),
                Forms.submit(t("session.sign_in"))))
    }
}
