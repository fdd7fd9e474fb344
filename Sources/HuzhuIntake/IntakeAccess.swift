import Fluent
import Foundation
import HuzhuPlatform
import Vapor

extension Request {
    /// Whether the signed-in person may read this contact in full: their office's contacts for staff,
    /// their own for hotline volunteers.
    package func mayRead(_ contact: Contact) -> Bool {
        actor.map { contact.isReadable(by: $0, under: application.policy) } ?? false
    }

    /// The contact of the route's `:id`, read by the signed-in person (an audited read). Another NGO's
    /// contact, or one of their NGO they may not read, does not exist for them.
    package func readContact() async throws -> Contact {
        guard let contact = try await Contact.query(on: db).filter(\.$id == (try routeID())).visible(try tenant()).first() else { throw HuzhuAbort.notFound }
        guard mayRead(contact) else { throw HuzhuAbort.notFound }
        try await audit(.viewContact, recordType: "contact", recordID: contact.id, ngoID: contact.ngoID)
        return contact
    }

    /// The worker of the route's `:id`, if the signed-in person may read the NGO's workers; a merged
    /// record leads to the worker it was merged into. The caller audits the read (a view or a reveal).
    func findWorker() async throws -> Worker {
        guard let worker = try await Worker.query(on: db).filter(\.$id == (try routeID())).visible(try tenant()).first() else { throw HuzhuAbort.notFound }
        try authorizeRecord(.readWorkers, in: .ngo(worker.ngoID))
        if let survivor = worker.mergedInto, let merged = try await Worker.find(survivor, on: db) { return merged }
        return worker
    }
}

extension Contact {
    /// Whether a person may read this contact in full: their office's contacts for staff, their own for
    /// hotline volunteers.
    package func isReadable(by actor: Actor, under policy: Policy) -> Bool {
        let scope = Scope.office(ngo: ngoID, office: officeID)
        if policy.allows(actor, .readContacts, in: scope) { return true }
        return policy.allows(actor, .readOwnContacts, in: scope) && operatorID == actor.userID
    }
}
