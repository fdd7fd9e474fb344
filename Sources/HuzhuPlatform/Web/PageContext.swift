import HuzhuCore
import Vapor

/// What the layout of every page needs from the request, gathered once.
package struct PageContext: Sendable {
    package let t: Localizer
    package let actor: Actor?
    package let csrf: String
    package let path: String
    /// Where the language switch returns: the page as it was asked for, its query included (a calculator
    /// result, a filtered list), when it was asked for with GET; else its path.
    package let returnPath: String
    package let navigation: [NavItem]
    package let stylesheet: String
    package let scripts: [PageScript]

    package init(t: Localizer, actor: Actor?, csrf: String, path: String, returnPath: String? = nil, navigation: [NavItem],
                 stylesheet: String, scripts: [PageScript] = []) {
        self.scripts = scripts
        self.t = t
        self.actor = actor
        self.csrf = csrf
        self.path = path
        self.returnPath = returnPath ?? path
        self.navigation = navigation
        self.stylesheet = stylesheet
    }
}

extension Request {
    package var pageContext: PageContext {
        let query = method == .GET ? url.query.flatMap { $0.isEmpty ? nil : "?\($0)" } ?? "" : ""
        return PageContext(t: t, actor: actor, csrf: csrfToken, path: url.path, returnPath: url.path + query,
                           navigation: visibleNavigation, stylesheet: StaticAssets.bundled.stylesheetPath, scripts: visibleScripts)
    }
}
