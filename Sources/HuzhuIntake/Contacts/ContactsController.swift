import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// The list of contacts and the page of one contact (a read that is audited).
enum ContactsController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(IntakeRoute.contacts, use: list)
        routes.get(IntakeRoute.contact(.parameter), use: show)
    }

    static func list(_ request: Request) async throws -> Response {
        let filter = try request.query.decode(ContactFilter.self)
        let (page, ownOnly, visible) = try await ContactList.visible(to: request, filter)
        let choices = try await ContactFilterView.Choices.load(visible, ownOnly: ownOnly, on: request.db,
                                                               language: request.language)
        return request.page(request.t("contacts.title"),
                            ContactFilterView.render(page, filter: filter, choices: choices, request.pageContext))
    }

    static func show(_ request: Request) async throws -> Response {
        let contact = try await request.readContact()
        let cipher = request.application.fieldCipher
        let line = try await ContactHistory.lines([contact], language: request.language, cipher: cipher,
                                                  mayReadFully: { _ in true }, on: request.db)[0]
        var worker: Worker?
        if let id = contact.workerID { worker = try await Worker.find(id, on: request.db) }
        let callback = try contact.callbackCipher.map { try PhoneNumber(try cipher.open($0)).masked }
        let workerLink = worker != nil && request.may(.readWorkers, in: .ngo(contact.ngoID))
        return request.page(request.t("contact.title", contact.number),
                            ContactPageView(contact: .init(contact), advice: try contact.openAdvice(cipher),
                                            noCaseReason: try contact.noCaseReasonCipher.map(cipher.open), line: line, workerID: worker?.id,
                                            workerName: try worker?.openName(cipher) ?? "",
                                            workerLink: workerLink,
                                            callbackNumber: callback,
                                            actions: request.application.contactActions.compactMap { $0(request, contact) })
                                .render(request.t))
    }
}
