import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// Intake's part of a person's work queue: the callbacks waiting (an office's for its staff; for a hotline
/// volunteer the office's missed calls and the callbacks they promised), overdue first, and the contacts
/// they recorded last.
enum IntakeWork {
    static let source: WorkSource = { request, actor in
        guard let ngo = actor.ngoID, let office = actor.officeID,
              request.may(.recordContacts, in: .office(ngo: ngo, office: office)) else { return [] }
        let t = request.t
        let now = request.application.clock.now()
        let cipher = request.application.fieldCipher
        var callbacks = Callback.query(on: request.db).filter(\.$officeID == office).filter(\.$status == .open)
        if !request.may(.readContacts, in: .office(ngo: ngo, office: office)) {
            callbacks = callbacks.join(Contact.self, on: \Callback.$contactID == \Contact.$id, method: .left)
                .group(.or) { $0.filter(\.$contactID == nil).filter(Contact.self, \.$operatorID == actor.userID) }
        }
        var items = try await callbacks.sort(\.$dueAt).limit(200).all().map { callback in
            WorkItem(queue: "work.callbacks", title: t("callback.reason.\(callback.reason.rawValue)"),
                     detail: (try? PhoneNumber(try cipher.open(callback.phoneCipher)).masked) ?? "",
                     path: IntakeRoute.callback(.of(callback.id!)).path, dueOn: CalendarDate(callback.dueAt),
                     urgency: callback.dueAt < now ? .overdue : .due, since: callback.createdAt)
        }
        let mine = try await Contact.query(on: request.db).filter(\.$operatorID == actor.userID)
            .sort(\.$startedAt, .descending).limit(5).all()
        items += mine.map { contact in
            WorkItem(queue: "work.my_contacts", title: contact.number,
                     detail: "\(t.dateTime(contact.startedAt)) · \(t("outcome.\(contact.outcome.rawValue)"))",
                     path: IntakeRoute.contact(.of(contact.id!)).path, urgency: .waiting, since: contact.startedAt)
        }
        return items
    }
}
