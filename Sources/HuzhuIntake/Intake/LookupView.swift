import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// The phone lookup and what it found: the known workers, their earlier contacts, open callbacks.
enum LookupView {
    static func form<C: HTML.BodyContext>(phone: String?, error: String?, callID: String?, _ t: Localizer) -> Node<C> {
        var errors = ValidationErrors()
        if let error { errors.add("phone", error) }
        return .form(.class("lookup"), .method(.get), .action(IntakeRoute.intake.path),
            .unwrap(callID) { Forms.hidden("call", $0) },
            Forms.text("phone", value: phone, errors: errors, t, type: .tel, required: false,
                       autocomplete: "off", hint: t("hotline.lookup_hint"), autofocus: phone == nil && error == nil),
            .div(.class("actions"), .button(.type(.submit), .text(t("hotline.lookup")))))
    }

    /// `lines`: what later features add under each worker (their cases).
    static func results<C: HTML.BodyContext>(_ lookup: PhoneLookup, lines: [UUID: [String]], workerLink: Bool,
                                             _ t: Localizer) -> Node<C> {
        .section(.class("card lookup-results"), .attribute(named: "aria-live", value: "polite"),
            .h2(.text(t("hotline.known_as", lookup.phone.masked))),
            .if(lookup.workers.isEmpty, .p(.class("empty"), .text(t("hotline.unknown_number")))),
            .ul(.class("workers"), .forEach(lookup.workers) { worker in
                .li(workerLink ? .a(.href(IntakeRoute.worker(.of(worker.id)).path), .strong(.text(worker.name)))
                               : .strong(.text(worker.name)),
                    .text(" · " + ([t("gender.\(worker.gender.rawValue)"), worker.birthYear.map(String.init),
                                    worker.currentCity, worker.employer] + worker.maskedPhones)
                        .compactMap { $0 }.joined(separator: " · ")),
                    .unwrap(lines[worker.id]) { found in .ul(.class("cases"), .forEach(found) { .li(.text($0)) }) })
            }),
            .if(!lookup.openCallbacks.isEmpty, .div(.class("notice due"),
                .p(.strong(.text(t("hotline.open_callbacks", String(lookup.openCallbacks.count))))),
                .ul(.forEach(lookup.openCallbacks) { callback in
                    .li(.text("\(t("callback.reason.\(callback.reason.rawValue)")) · \(t("callback.due")) \(t.dateTime(callback.dueAt)) · \(t("callback.attempts")) \(callback.attempts)"))
                }))),
            .h3(.text(t("hotline.history"))),
            .if(lookup.history.isEmpty, .p(.class("empty"), .text(t("hotline.no_history")))),
            .if(!lookup.history.isEmpty, ContactViews.list(lookup.history, t)))
    }
}
