import Foundation
import HuzhuPlatform
import Vapor

extension Request {
    /// Whether the signed-in person may read this contact in full: their office's contacts for staff,
    /// their own for hotline volunteers.
    func mayRead(_ contact: Contact) -> Bool {
        let scope = Scope.office(ngo: contact.ngoID, office: contact.officeID)
        if may(.readContacts, in: scope) { return true }
        return may(.readOwnContacts, in: scope) && contact.operatorID == actor?.userID
    }

    /// The office the signed-in operator records contacts for; only office roles have one.
    func operatorScope() throws -> (actor: Actor, scope: Scope) {
        let actor = try requireActor()
        guard let ngo = actor.ngoID, let office = actor.officeID else { throw HuzhuAbort(.forbidden, "error.forbidden") }
        let scope = Scope.office(ngo: ngo, office: office)
        try authorize(.recordContacts, in: scope)
        return (actor, scope)
    }
}
