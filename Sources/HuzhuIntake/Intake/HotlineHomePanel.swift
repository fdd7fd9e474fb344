import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot
import Vapor

/// The operator's card on the home page: callbacks waiting in their office (overdue first), and the
/// contacts they recorded last.
enum HotlineHomePanel {
    static func render(_ request: Request, _ actor: Actor) async throws -> Node<HTML.BodyContext>? {
        guard let ngo = actor.ngoID, let office = actor.officeID,
              request.may(.recordContacts, in: .office(ngo: ngo, office: office)) else { return nil }
        let t = request.t
        let now = request.application.clock.now()
        let open = try await Callback.query(on: request.db).filter(\.$officeID == office).filter(\.$status == .open).all()
        let overdue = open.filter { $0.dueAt < now }.count
        let mine = try await Contact.query(on: request.db).filter(\.$operatorID == actor.userID)
            .sort(\.$startedAt, .descending).limit(5).all()
        let lines = try await ContactHistory.lines(mine, language: t.language, cipher: request.application.fieldCipher,
                                                   mayReadFully: { _ in true }, on: request.db)
        return .section(.class("card"),
            .h2(.text(t("hotline.title"))),
            .p(.a(.class("button primary"), .href(IntakeRoute.intake.path), .text(t("home.record_contact")))),
            .p(.a(.href(IntakeRoute.callbacks.path),
                  .span(.class(overdue > 0 ? "status overdue" : "status neutral"),
                        .text(t("home.callbacks", String(open.count), String(overdue)))))),
            .h3(.text(t("home.my_contacts"))),
            .if(lines.isEmpty, .p(.class("empty"), .text(t("home.no_contacts")))),
            .if(!lines.isEmpty, ContactViews.list(lines, t)))
    }
}
