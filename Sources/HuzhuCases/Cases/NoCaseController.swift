import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Plot
import Vapor

/// `/contacts/:id/no-case`: the form that takes a contact out of the queue of contacts awaiting a case,
/// with the reason no case will be opened.
enum NoCaseController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(CasesRoute.noCase(.parameter)) { request in
            try await form(request, contact: try await request.readContact(), errors: ValidationErrors(), status: .ok)
        }
        routes.post(CasesRoute.noCase(.parameter)) { request in
            let contact = try await request.readContact()
            do {
                let reason = try request.content.get(String?.self, at: "reason") ?? ""
                try await Cases.decideNoCase(DecideNoCase(contactID: try contact.requireID(), reason: reason), in: try request.workContext())
            } catch let errors as ValidationErrors {
                return try await form(request, contact: contact, errors: errors, status: .unprocessableEntity)
            }
            return request.redirect(to: IntakeRoute.contact(.of(contact.id!)).path)
        }
    }

    private static func form(_ request: Request, contact: Contact, errors: ValidationErrors,
                             status: HTTPResponseStatus) async throws -> Response {
        try request.authorizeRecord(.workCases, in: .office(ngo: contact.ngoID, office: contact.officeID))
        let page = request.pageContext
        let t = page.t
        return request.page(t("contact.no_case_title", contact.number), status: status, .group(
            Forms.errorSummary(errors, t),
            .p(.a(.href(IntakeRoute.contact(.of(contact.id!)).path), .text(t("contact.title", contact.number)))),
            Forms.post(CasesRoute.noCase(.of(contact.id!)).path, page,
                .p(.class("hint"), .text(t("contact.no_case_hint"))),
                Forms.textarea("reason", value: request.typedForm["reason"], errors: errors, t),
                Forms.submit(t("contact.no_case_save")))))
    }

    /// The contact page's link to the form, for a contact that needed a case.
    static let action: ContactAction = { request, contact in
        guard contact.outcome == .caseToOpen, contact.noCaseAt == nil,
              request.may(.workCases, in: .office(ngo: contact.ngoID, office: contact.officeID)) else { return nil }
        return (CasesRoute.noCase(.of(contact.id!)).path, "contact.no_case_action")
    }
}
