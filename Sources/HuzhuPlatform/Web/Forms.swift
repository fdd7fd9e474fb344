import HuzhuCore
import Plot
import Vapor

/// The form pieces every page uses, so that every field has a visible label, marks whether it is
/// required, keeps its value and shows its error beside it in the user's language.
package enum Forms {
    package static func csrf<C: HTML.BodyContext>(_ token: String) -> Node<C> {
        hidden(CSRFProtection.fieldName, token)
    }

    package static func hidden<C: HTML.BodyContext>(_ name: String, _ value: String) -> Node<C> {
        .input(.type(.hidden), .name(name), .value(value.attributeEscaped))
    }

    /// A form that posts, with its CSRF token.
    package static func post(_ action: String, _ page: PageContext, _ nodes: Node<HTML.FormContext>...) -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(action), csrf(page.csrf), .group(nodes))
    }

    /// A form opened on demand, without JavaScript: its title is the summary of a disclosure, which stands
    /// open when `open` (the form was just refused, its errors inside).
    package static func action(_ title: String, open: Bool, _ action: String, _ page: PageContext,
                               _ nodes: Node<HTML.FormContext>...) -> Node<HTML.BodyContext> {
        self.action(title, open: open, action, page, nodes: nodes)
    }

    package static func action(_ title: String, open: Bool, _ action: String, _ page: PageContext,
                               nodes: [Node<HTML.FormContext>]) -> Node<HTML.BodyContext> {
        .element(named: "details", nodes: [
            .class("action"), open ? .attribute(named: "open", value: "open") : .empty,
            .element(named: "summary", nodes: [.text(title)]),
            .form(.method(.post), .action(action), csrf(page.csrf), .group(nodes)),
        ])
    }

    /// The summary at the top of a rejected form, linking to each field.
    package static func errorSummary<C: HTML.BodyContext>(_ errors: ValidationErrors, _ t: Localizer) -> Node<C> {
        // Focused when the page opens, so a keyboard or screen-reader user starts at the list of problems.
        .if(!errors.isEmpty, .div(.class("error-summary"), .attribute(named: "role", value: "alert"),
            .attribute(named: "tabindex", value: "-1"), .attribute(named: "autofocus", value: "autofocus"),
            .p(.strong(.text(t("form.fix_errors")))),
            .ul(.forEach(errors.errors) { error in
                .li(.a(.href("#field-\(error.field)"), .text("\(t("field.\(error.field)")): \(t(error.messageKey))")))
            })))
    }

    /// A field's element id; `instance` tells apart the same field in several forms of one page (one per row).
    private static func fieldID(_ name: String, _ instance: String?) -> String {
        instance.map { "field-\(name)-\($0)" } ?? "field-\(name)"
    }

    package static func text<C: HTML.BodyContext>(
        _ name: String, value: String?, errors: ValidationErrors, _ t: Localizer,
        type: HTMLInputType = .text, required: Bool = true, autocomplete: String? = nil, hint: String? = nil,
        autofocus: Bool = false, instance: String? = nil
    ) -> Node<C> {
        let id = fieldID(name, instance)
        let error = errors.messageKey(for: name)
        // A phone number is text with the phone keypad: browsers then keep no list of the numbers typed
        // (autocomplete off), which a tel field does not allow. A date or a time has nothing to complete.
        let dated = [HTMLInputType.date, .datetimeLocal, .time].contains(type)
        return .div(.class(error == nil ? "field" : "field invalid"),
            label(name, id: id, required: required, t),
            .input(.type(type == .tel ? .text : type), .id(id), .name(name), .value(type == .password ? "" : (value ?? "").attributeEscaped),
                   .required(required),
                   Attribute(name: "inputmode", value: type == .tel ? "tel" : nil),
                   Attribute(name: "autofocus", value: autofocus ? "autofocus" : nil),
                   Attribute(name: "autocomplete", value: autocomplete ?? (dated ? nil : "off")),
                   Attribute(name: "aria-invalid", value: error == nil ? nil : "true"),
                   Attribute(name: "aria-describedby", value: error == nil ? nil : "\(id)-error")),
            .unwrap(hint) { .p(.class("hint"), .text($0)) },
            message(error, id: id, t))
    }

    package static func select<C: HTML.BodyContext>(
        _ name: String, options: [(value: String, label: String)], selected: String?,
        errors: ValidationErrors, _ t: Localizer, required: Bool = true, instance: String? = nil
    ) -> Node<C> {
        let id = fieldID(name, instance)
        let error = errors.messageKey(for: name)
        return .div(.class(error == nil ? "field" : "field invalid"),
            label(name, id: id, required: required, t),
            .select(.id(id), .attribute(named: "name", value: name),
                    .if(!required || selected == nil, option(value: "", label: "—", selected: selected == nil)),
                    .forEach(options) { option(value: $0.value, label: $0.label, selected: $0.value == selected) }),
            message(error, id: id, t))
    }

    package static func textarea<C: HTML.BodyContext>(
        _ name: String, value: String?, errors: ValidationErrors, _ t: Localizer, required: Bool = true, rows: Int = 3
    ) -> Node<C> {
        let id = "field-\(name)"
        let error = errors.messageKey(for: name)
        return .div(.class(error == nil ? "field" : "field invalid"),
            label(name, id: id, required: required, t),
            .textarea(.id(id), .attribute(named: "name", value: name), .rows(rows), .required(required),
                      .text(value ?? "")),
            message(error, id: id, t))
    }

    /// A group of checkboxes sharing one name (`topics[]`), each value checked if in `checked`.
    package static func checkboxes<C: HTML.BodyContext>(
        _ name: String, options: [(value: String, label: String)], checked: Set<String>,
        errors: ValidationErrors, _ t: Localizer, required: Bool = true
    ) -> Node<C> {
        let error = errors.messageKey(for: name)
        return .element(named: "fieldset", nodes: [
            .class(error == nil ? "field choices" : "field choices invalid"), .id("field-\(name)"),
            .element(named: "legend", nodes: [.text(t("field.\(name)")),
                                              required ? .span(.class("required"), .text(" *")) : .empty]),
            .div(.class("options"), .forEach(options.enumerated()) { index, option in
                .label(.input(.type(.checkbox), .name("\(name)[]"), .value(option.value.attributeEscaped),
                              .checked(checked.contains(option.value)), .id("field-\(name)-\(index)")),
                       .text(option.label))
            }),
            message(error, id: "field-\(name)", t),
        ])
    }

    /// Radio buttons for one choice among a few, shown side by side.
    package static func radios<C: HTML.BodyContext>(
        _ name: String, options: [(value: String, label: String)], selected: String?, errors: ValidationErrors,
        _ t: Localizer
    ) -> Node<C> {
        let error = errors.messageKey(for: name)
        return .element(named: "fieldset", nodes: [
            .class(error == nil ? "field choices" : "field choices invalid"), .id("field-\(name)"),
            .element(named: "legend", nodes: [.text(t("field.\(name)"))]),
            .div(.class("options"), .forEach(options.enumerated()) { index, option in
                .label(.input(.type(.radio), .name(name), .value(option.value.attributeEscaped),
                              .checked(option.value == selected), .id("field-\(name)-\(index)")),
                       .text(option.label))
            }),
            message(error, id: "field-\(name)", t),
        ])
    }

    package static func checkbox<C: HTML.BodyContext>(_ name: String, checked: Bool, _ t: Localizer) -> Node<C> {
        .div(.class("field check"),
             .input(.type(.checkbox), .id("field-\(name)"), .name(name), .value("on"), .checked(checked)),
             .label(.for("field-\(name)"), .text(t("field.\(name)"))))
    }

    package static func submit<C: HTML.BodyContext>(_ title: String) -> Node<C> {
        .div(.class("actions"), .button(.type(.submit), .class("primary"), .text(title)))
    }

    private static func label<C: HTML.BodyContext>(_ name: String, id: String, required: Bool, _ t: Localizer) -> Node<C> {
        .label(.for(id), .text(t("field.\(name)")),
               .if(required, .span(.class("required"), .text(" *"), .attribute(named: "title", value: t("form.required")))))
    }

    private static func message<C: HTML.BodyContext>(_ key: String?, id: String, _ t: Localizer) -> Node<C> {
        .unwrap(key) { .p(.class("error"), .id("\(id)-error"), .text(t($0))) }
    }

    private static func option(value: String, label: String, selected: Bool) -> Node<HTML.SelectContext> {
        .element(named: "option", nodes: [
            // An empty value must still be written: without it the browser sends the option's text.
            .attribute(Attribute(name: "value", value: value.attributeEscaped, ignoreIfValueIsEmpty: false)),
            selected ? .attribute(named: "selected", value: "selected") : .empty,
            .text(label),
        ])
    }
}

extension Request {
    /// A submitted form's one-value fields as typed, to show them again beside its errors (empty when
    /// the body is not such a form, e.g. a file upload).
    package var typedForm: [String: String] {
        (try? content.decode([String: String].self)) ?? [:]
    }
}
