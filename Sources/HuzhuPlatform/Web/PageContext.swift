import HuzhuCore
import Vapor

/// What the layout of every page needs from the request, gathered once.
package struct PageContext: Sendable {
    package let t: Localizer
    package let actor: Actor?
    package let csrf: String
    package let path: String
    package let navigation: [NavItem]
    package let stylesheet: String
    package let scripts: [PageScript]

    package init(t: Localizer, actor: Actor?, csrf: String, path: String, navigation: [NavItem], stylesheet: String,
                 scripts: [PageScript] = []) {
        self.scripts = scripts
        self.t = t
        self.actor = actor
        self.csrf = csrf
        self.path = path
        self.navigation = navigation
        self.stylesheet = stylesheet
    }
}

extension Request {
    package var pageContext: PageContext {
        PageContext(t: t, actor: actor, csrf: csrfToken, path: url.path, navigation: visibleNavigation,
                    stylesheet: StaticAssets.bundled.stylesheetPath, scripts: visibleScripts)
    }
}
