import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// A mediation session as typed on the case page.
struct SessionInput: Content {
    var held_on: String?
    var place: String?
    var address: String?
    var mediators: [String]?
    var parties: String?
    var discussion: String?
    var result: String?
    var adjourned_to: String?
}

/// Records mediation sessions: held by the office's committee members, with its place, parties and
/// result; an adjourned session names the day it resumes.
enum SessionRecord {
    static func add(_ access: CaseAccess, _ input: SessionInput, request: Request) async throws {
        let found = access.case
        var errors = ValidationErrors()
        let held = errors.check { () throws(FieldError) in try CaseInput.requiredPastDate(input.held_on, field: "held_on", today: request.today) }
        let place = input.place.flatMap(MediationSession.Place.init(rawValue:))
        if place == nil { errors.add("place", "error.choice_invalid") }
        let address = (input.address ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if place == .onSite && address.isEmpty { errors.add("address", "error.address_on_site") }
        let mediators = try await Mediator.query(on: request.db).filter(\.$officeID == found.officeID).filter(\.$endedOn == nil).all()
        let chosen = Set((input.mediators ?? []).compactMap(UUID.init(uuidString:)))
        if chosen.isEmpty || !chosen.isSubset(of: Set(mediators.map(\.userID))) { errors.add("mediators", "error.choose_mediators") }
        let parties = errors.check { () throws(FieldError) in try CaseInput.text(input.parties, field: "parties", max: 4000) }
        let discussion = errors.check { () throws(FieldError) in try CaseInput.text(input.discussion, field: "discussion", max: 8000) }
        let result = input.result.flatMap(MediationSession.Result.init(rawValue:))
        if result == nil { errors.add("result", "error.choice_invalid") }
        var adjournedTo: CalendarDate?
        if result == .adjourned {
            adjournedTo = errors.check { () throws(FieldError) in try CaseInput.date(input.adjourned_to, field: "adjourned_to") } ?? nil
            if adjournedTo == nil { errors.add("adjourned_to", "error.required") }
            if let adjournedTo, let held, adjournedTo <= held { errors.add("adjourned_to", "error.adjourned_before_session") }
        }
        try errors.throwIfAny()
        let session = MediationSession()
        session.ngoID = found.ngoID
        session.caseID = try found.requireID()
        session.heldOn = held!
        session.place = place!
        session.address = address.isEmpty ? nil : address
        session.mediatorIDs = Array(chosen)
        session.parties = parties!
        session.discussion = discussion!
        session.result = result!
        session.adjournedTo = adjournedTo
        session.recordedBy = try request.requireActor().userID
        session.createdAt = request.application.clock.now()
        let resumes = adjournedTo
        try await CaseJournal.change(found, by: request) { journal in
            try await session.create(on: journal.db)
            if let resumes, (found.nextActionOn ?? resumes) >= resumes {
                found.nextActionOn = resumes
            }
            try await journal.record(.session, discussion!, ref: session.id, on: held, audit: .recordSession,
                                     recordType: "mediation_session", recordID: session.id)
        }
    }
}
