import HuzhuCore

/// A form of the case page as it comes back after being refused: its errors, and what was typed, so
/// nothing has to be typed again. Every field name on the page is distinct, so the values land in the
/// form they came from.
struct CaseForm {
    let errors: ValidationErrors
    let typed: [String: String]

    static let blank = CaseForm(errors: ValidationErrors(), typed: [:])

    subscript(_ name: String) -> String? { typed[name] }
}
