import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// The pages of two-step sign-in.
enum TwoFactorViews {
    enum State {
        case off(required: Bool)
        case enrolling(String, key: String)
        case on(since: Date, recoveryCodesLeft: Int, required: Bool)
    }

    static func codeForm(next: String, remember: Bool, errorKey: String?, arguments: [String] = [],
                         _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .div(.class("narrow"),
            .unwrap(errorKey) { key in
                .div(.class("notice error"), .attribute(named: "role", value: "alert"), .text(t.catalogue.text(key, t.language, arguments)))
            },
            .p(.text(t("twofactor.enter_code"))),
            Forms.post(OrgRoute.signInCode.path, page,
                Forms.hidden("next", next),
                .if(remember, Forms.hidden("remember", "on")),
                Forms.text("otp", value: nil, errors: ValidationErrors(), t, autocomplete: "one-time-code", hint: t("twofactor.code_hint")),
                Forms.submit(t("session.sign_in"))))
    }

    static func account(_ state: State, errors: ValidationErrors, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        func codeForm(_ action: String, _ button: String) -> Node<HTML.BodyContext> {
            Forms.post(action, page, Forms.text("otp", value: nil, errors: errors, t, autocomplete: "one-time-code"), Forms.submit(button))
        }
        switch state {
        case .off(let required):
            return .div(.class("narrow"),
                .if(required, .div(.class("notice"), .attribute(named: "role", value: "alert"), .text(t("twofactor.required")))),
                .p(.text(t("twofactor.intro"))),
                Forms.post(OrgRoute.twoFactorStart.path, page, Forms.submit(t("twofactor.start"))))
        case .enrolling(let uri, let key):
            let qr = (try? QRCode(Array(uri.utf8)))?.svg(moduleSize: 5, title: t("twofactor.qr").attributeEscaped) ?? ""
            let grouped = stride(from: 0, to: key.count, by: 4).map { start in
                String(key.dropFirst(start).prefix(4))
            }.joined(separator: " ")
            return .div(.class("narrow"),
                Forms.errorSummary(errors, t),
                .p(.text(t("twofactor.scan"))),
                .div(.class("qr-code"), .raw(qr)),
                .p(.text(t("twofactor.key") + ": "), .code(.class("secret"), .text(grouped))),
                codeForm(OrgRoute.twoFactorEnable.path, t("twofactor.enable")))
        case .on(let since, let left, let required):
            return .div(.class("narrow"),
                Forms.errorSummary(errors, t),
                .p(.text(t("twofactor.on", t.dateTime(since)))),
                .p(.text(t("twofactor.codes_left", String(left)))),
                .h2(.text(t("twofactor.renew"))),
                codeForm(OrgRoute.twoFactorRecoveryCodes.path, t("twofactor.renew")),
                .if(!required, .group(.h2(.text(t("twofactor.disable"))), codeForm(OrgRoute.twoFactorDisable.path, t("twofactor.disable")))),
                .if(required, .p(.text(t("twofactor.required_on")))))
        }
    }

    static func recoveryCodes(_ codes: [String], _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .div(.class("narrow"),
            .div(.class("notice"), .attribute(named: "role", value: "status"), .text(t("twofactor.codes_once"))),
            .ul(.class("recovery-codes"), .forEach(codes) { .li(.code(.text($0))) }),
            .p(.a(.href(OrgRoute.twoFactor.path), .text(t("twofactor.done")))))
    }
}
