import Plot

extension Localizer {
    /// A labelled value of a record's page (`<dt>` and `<dd>`); a missing value shows as a dash.
    package func detail(_ key: String, _ value: String?) -> Node<HTML.DescriptionListContext> {
        .group(.dt(.text(self(key))), .dd(.text(value ?? "—")))
    }
}
