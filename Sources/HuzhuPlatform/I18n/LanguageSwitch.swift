import HuzhuCore
import Vapor

/// `POST /language`: the switch on every page. Remembers the choice in a cookie, and for a signed-in
/// person as their preference, then returns to the page they were on.
package enum LanguageSwitch {
    struct Input: Content {
        var lang: String?
        var back: String?
    }

    package static func register(on routes: any RoutesBuilder) {
        routes.post(PlatformRoute.language) { request async throws -> Response in
            let input = try request.content.decode(Input.self)
            guard let language = input.lang.flatMap(Language.init(rawValue:)) else {
                throw HuzhuAbort(.badRequest, "error.bad_request")
            }
            if let actor = request.actor {
                try await request.application.actorDirectory.setLanguage(language, userID: actor.userID, on: request.db)
            }
            let response = request.redirect(to: safeReturnPath(input.back))
            response.cookies[request.application.cookieName(Request.languageCookie)] = request.application.cookie(language.rawValue, maxAge: 365 * 24 * 3600)
            return response
        }
    }

    /// Only a path on this site: never `//elsewhere` or `https://elsewhere`.
    package static func safeReturnPath(_ path: String?) -> String {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\") else { return "/" }
        return path
    }
}
