import HuzhuCore
import Plot
import Vapor

/// Turns every error into an answer the user can read in their language: JSON
/// `{ "error": { "code", "message", "fields"? } }` on the API, a page elsewhere. Rejected input on the API
/// (`ValidationErrors`, or one `FieldError`) is a 422 naming each field and its problem. A page that needs a signed-in
/// person sends the browser to the login page instead. Internal errors are logged, never shown.
package struct ErrorResponder: AsyncMiddleware {
    package init() {}

    package struct Body: Content {
        package struct Detail: Content {
            package let code: String
            package let message: String
            package var fields: [Field]?
        }

        package struct Field: Content {
            package let field: String
            package let code: String
            package let message: String
        }
        package let error: Detail
    }

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            if let invalid = error as? ValidationErrors ?? (error as? FieldError).map({ ValidationErrors([$0]) }) {
                // Forms catch their own errors to show them in place; any other refused input still
                // gets its reasons, never a server error.
                if request.isAPI { return try invalidInput(invalid, request) }
                return request.page(request.t("error.title"), status: .unprocessableEntity,
                                    .div(.class("notice error"), .attribute(named: "role", value: "alert"),
                                         Forms.errorSummary(invalid, request.t)))
            }
            let abort = HuzhuAbort.from(error)
            if abort.status == .internalServerError {
                request.logger.report(error: error)
            }
            let message = request.t.catalogue.text(abort.messageKey, request.language, abort.arguments)
            if request.isAPI {
                let response = Response(status: abort.status)
                try response.content.encode(Body(error: .init(code: abort.code, message: message, fields: nil)))
                if abort.status == .unauthorized {
                    response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer")
                }
                return response
            }
            if abort.status == .unauthorized && request.method == .GET {
                let next = request.url.path == PlatformRoute.home.path ? "" : "?next=\(request.url.path)"
                return request.redirect(to: PlatformRoute.login.path + next)
            }
            return request.page(request.t("error.title"), status: abort.status,
                                .div(.class("notice error"), .attribute(named: "role", value: "alert"),
                                     .p(.text(message)),
                                     .p(.a(.href(PlatformRoute.home.path), .text(request.t("error.back_home"))))))
        }
    }

    private func invalidInput(_ errors: ValidationErrors, _ request: Request) throws -> Response {
        let t = request.t
        let fields = errors.errors.map { error in
            Body.Field(field: error.field, code: HuzhuAbort(.unprocessableEntity, error.messageKey).code, message: t(error.messageKey))
        }
        let response = Response(status: .unprocessableEntity)
        try response.content.encode(Body(error: .init(code: "invalid", message: t("error.invalid_input"), fields: fields)))
        return response
    }
}
