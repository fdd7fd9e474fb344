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

    var command: RecordSession {
        var command = RecordSession(place: place.flatMap(MediationSession.Place.init(rawValue:)), address: address ?? "",
                                    mediatorIDs: (mediators ?? []).compactMap(UUID.init(uuidString:)), parties: parties ?? "",
                                    discussion: discussion ?? "", result: result.flatMap(MediationSession.Result.init(rawValue:)))
        if command.mediatorIDs.count != (mediators ?? []).count { command.unread.add("mediators", "error.choose_mediators") }
        command.heldOn = command.unread.check { () throws(FieldError) in try CaseInput.date(held_on, field: "held_on") } ?? nil
        command.adjournedTo = command.unread.check { () throws(FieldError) in try CaseInput.date(adjourned_to, field: "adjourned_to") } ?? nil
        return command
    }
}

/// A mediation session held for a case: when, where, by which of the office's committee members, with
/// whom, what was said, and how it ended (an adjourned session names the day it resumes).
struct RecordSession: Sendable {
    var heldOn: CalendarDate?
    var place: MediationSession.Place?
    var address = ""
    var mediatorIDs: [UUID] = []
    var parties = ""
    var discussion = ""
    var result: MediationSession.Result?
    var adjournedTo: CalendarDate?
    var unread = ValidationErrors()
}

extension Cases {
    /// Records a mediation session; an adjournment brings the case's next step forward to the day it resumes.
    static func recordSession(_ command: RecordSession, on found: Case, in work: WorkContext) async throws {
        var errors = ValidationErrors()
        if !errors.carry("held_on", from: command.unread) { errors.checkPast(command.heldOn, field: "held_on", today: work.today) }
        if command.place == nil { errors.add("place", "error.choice_invalid") }
        let address = command.address.trimmingCharacters(in: .whitespacesAndNewlines)
        if command.place == .onSite && address.isEmpty { errors.add("address", "error.address_on_site") }
        let mediators = try await Mediator.query(on: work.db).filter(\.$officeID == found.officeID).filter(\.$endedOn == nil).all()
        let chosen = Set(command.mediatorIDs)
        if !errors.carry("mediators", from: command.unread) && (chosen.isEmpty || !chosen.isSubset(of: Set(mediators.map(\.userID)))) {
            errors.add("mediators", "error.choose_mediators")
        }
        let parties = errors.check { () throws(FieldError) in try CaseInput.text(command.parties, field: "parties", max: 4000) }
        let discussion = errors.check { () throws(FieldError) in try CaseInput.text(command.discussion, field: "discussion", max: 8000) }
        if command.result == nil { errors.add("result", "error.choice_invalid") }
        var adjournedTo: CalendarDate?
        if command.result == .adjourned && !errors.carry("adjourned_to", from: command.unread) {
            adjournedTo = command.adjournedTo
            if adjournedTo == nil { errors.add("adjourned_to", "error.required") }
            if let adjournedTo, let held = command.heldOn, adjournedTo <= held { errors.add("adjourned_to", "error.adjourned_before_session") }
        }
        try errors.throwIfAny()
        let session = MediationSession()
        session.ngoID = found.ngoID
        session.caseID = try found.requireID()
        session.heldOn = command.heldOn!
        session.place = command.place!
        session.address = address.isEmpty ? nil : address
        session.mediatorIDs = Array(chosen)
        session.parties = parties!
        session.discussion = discussion!
        session.result = command.result!
        session.adjournedTo = adjournedTo
        session.recordedBy = work.actor.userID
        session.createdAt = work.now
        let resumes = adjournedTo
        try await CaseJournal.change(found, in: work) { journal in
            try await session.create(on: journal.db)
            if let resumes, (found.nextActionOn ?? resumes) >= resumes {
                found.nextActionOn = resumes
            }
            try await journal.record(.session, discussion!, ref: session.id, on: session.heldOn, audit: .recordSession,
                                     recordType: "mediation_session", recordID: session.id)
        }
    }
}
