import HuzhuCore
import HuzhuPlatform
import Plot

/// A form of the case page as it comes back after being refused: its errors, and what was typed, so
/// nothing has to be typed again. Every field name on the page is distinct, so the values land in the
/// form they came from; the refused form (`posted`) stands open.
struct CaseForm {
    let errors: ValidationErrors
    let typed: [String: String]
    /// The path the refused form was posted to.
    var posted: String?

    static let blank = CaseForm(errors: ValidationErrors(), typed: [:])

    subscript(_ name: String) -> String? { typed[name] }

    /// Whether the form posting to `action` is the one refused: it is shown open.
    func opens(_ action: String) -> Bool { posted == action }

    /// One of the page's forms, opened on demand (`Forms.action`), open again when it was refused.
    func action(_ title: String, _ action: String, _ page: PageContext, _ nodes: Node<HTML.FormContext>...) -> Node<HTML.BodyContext> {
        Forms.action(title, open: opens(action), action, page, nodes: nodes)
    }
}
