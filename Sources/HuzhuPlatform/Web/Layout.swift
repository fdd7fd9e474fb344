import HuzhuCore
import Plot
import Vapor

/// The frame of every page: a top bar (organisation, person, language switch, log out), the navigation
/// of what this person may open, and the page itself.
package enum Layout {
    package static func document(_ page: PageContext, title: String, content: Node<HTML.BodyContext>) -> HTML {
        let t = page.t
        return HTML(
            .attribute(named: "lang", value: page.t.language.htmlCode),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: "\(title) · \(t("app.name"))"),
                .link(.rel(.stylesheet), .href(page.stylesheet)),
                // No favicon to fetch: one request less per page on a slow connection.
                .link(.rel(.icon), .href("data:,")),
                .forEach(page.scripts) { script in
                    .script(.src(StaticAssets.bundled.path(of: script.asset)), .defer())
                }
            ),
            .body(
                .a(.class("skip"), .href("#main"), .text(t("nav.skip"))),
                .header(.class("topbar"), topBar(page)),
                .if(!page.navigation.isEmpty, .nav(.class("mainnav"), .ariaLabel(t("nav.label")),
                    .ul(.forEach(page.navigation) { item in
                        .li(.a(.href(item.path), .if(isCurrent(item.path, page.path), .class("current")),
                               .text(t(item.titleKey))))
                    }))),
                .forEach(page.scripts) { script in
                    .div(.id(script.elementID), .class("live"), .data(named: "events", value: script.eventsPath),
                         .attribute(named: "hidden", value: "hidden"), .attribute(named: "aria-live", value: "assertive"))
                },
                .main(.id("main"), .h1(.text(title)), content)
            )
        )
    }

    private static func topBar(_ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .group(
            .a(.class("brand"), .href(PlatformRoute.home.path), .text(t("app.name"))),
            .unwrap(page.actor) { actor in
                .span(.class("who"),
                      .text([actor.ngoName, actor.officeName].compactMap { $0 }.joined(separator: " / ")),
                      .span(.class("person"), .text("\(actor.displayName) · \(t.role(actor.role))")))
            },
            .form(.class("langswitch"), .method(.post), .action(PlatformRoute.language.path),
                  Forms.csrf(page.csrf),
                  Forms.hidden("back", page.returnPath),
                  .forEach(Language.allCases) { language in
                      .button(.type(.submit), .name("lang"), .value(language.rawValue),
                              .attribute(named: "lang", value: language.htmlCode),
                              .if(language == t.language, .attribute(named: "aria-current", value: "true")),
                              .text(language.nativeName))
                  }),
            .if(page.actor != nil,
                .form(.class("logout"), .method(.post), .action(PlatformRoute.logout.path),
                      Forms.csrf(page.csrf),
                      .button(.type(.submit), .class("link"), .text(t("session.logout")))))
        )
    }

    private static func isCurrent(_ item: String, _ path: String) -> Bool {
        item == "/" ? path == "/" : path.hasPrefix(item)
    }
}

extension Request {
    /// Renders a page inside the layout.
    package func page(_ title: String, status: HTTPResponseStatus = .ok, _ content: Node<HTML.BodyContext>) -> Response {
        let html = Layout.document(pageContext, title: title, content: content).render()
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: html))
    }

    /// After a successful form: go to the next page (POST-redirect-GET).
    package func seeOther(_ route: some TypedRoute) -> Response {
        redirect(to: route.path, redirectType: .normal)
    }
}
