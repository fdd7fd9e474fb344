import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// A status move as typed (the page's form and the API's JSON have the same fields).
struct StatusInput: Content {
    var status: String?
    var moved_on: String?
    var reason: String?
    var closing_code: String?

    var command: MoveCase {
        var command = MoveCase(status: status.flatMap(CaseStatus.init(rawValue:)),
                               movedOn: moved_on.flatMap { CalendarDate(iso: $0.trimmingCharacters(in: .whitespaces)) },
                               reason: reason ?? "", closingCode: closing_code.flatMap(ClosingCode.init(rawValue:)))
        if let raw = closing_code, !raw.isEmpty, command.closingCode == nil { command.unread.add("closing_code", "error.choice_invalid") }
        return command
    }
}

/// A case moved to another status on a day, with the reason (and, to close it, the closing code).
struct MoveCase: Sendable {
    var status: CaseStatus?
    var movedOn: CalendarDate?
    var reason = ""
    var closingCode: ClosingCode?
    var unread = ValidationErrors()
}

/// A decision on a closing that awaits approval.
struct ApprovalInput: Content {
    var decision: String?
    var comment: String?
}

extension Cases {
    /// Checks and applies a move; a closing that needs approval is recorded as asked for instead.
    @discardableResult
    static func move(_ command: MoveCase, _ found: Case, in work: WorkContext) async throws -> StatusMove.Outcome {
        if found.pendingClosingCode != nil { throw HuzhuAbort(.conflict, "error.closing_pending") }
        try command.unread.throwIfAny()
        let settings = try await CaseSettings.find(found.officeID, on: work.db)
        let (move, outcome) = try StatusMove.check(
            from: found.status, to: command.status, on: command.movedOn, today: work.today, reason: command.reason,
            closingCode: command.closingCode, approvalRequired: settings?.closingNeedsApproval ?? false,
            mayApprove: work.may(.approveClosings, in: .office(ngo: found.ngoID, office: found.officeID)))
        try await CaseJournal.change(found, in: work) { journal in
            switch outcome {
            case .done:
                found.status = move.to
                found.closingCode = move.closingCode
                try await journal.record(.status, move.reason, status: move.to, closingCode: move.closingCode,
                                         on: move.on, audit: .moveCase)
            case .awaitingApproval:
                found.pendingClosingCode = move.closingCode
                found.pendingReason = move.reason
                found.pendingOn = move.on
                found.pendingBy = journal.work.actor.userID
                try await journal.record(.closingRequested, move.reason, status: .closed, closingCode: move.closingCode,
                                         on: move.on, audit: .moveCase)
            }
        }
        return outcome
    }
}

/// A supervisor's decision on a closing that awaits approval: approve (the case closes as asked) or
/// reject (it stays where it was, with the reason why).
struct DecideClosing: Sendable {
    enum Decision: String, Sendable { case approve, reject }
    var decision: Decision?
    var comment = ""
}

extension ApprovalInput {
    var command: DecideClosing { DecideClosing(decision: decision.flatMap(DecideClosing.Decision.init(rawValue:)), comment: comment ?? "") }
}

extension Cases {
    static func decideClosing(_ command: DecideClosing, on found: Case, in work: WorkContext) async throws {
        guard work.may(.approveClosings, in: .office(ngo: found.ngoID, office: found.officeID)) else {
            throw HuzhuAbort(.forbidden, "error.forbidden")
        }
        guard let code = found.pendingClosingCode, let reason = found.pendingReason else {
            throw HuzhuAbort(.conflict, "error.no_closing_pending")
        }
        let comment = command.comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let decision = command.decision else { throw ValidationErrors([FieldError("decision", "error.choice_invalid")]) }
        if decision == .reject && comment.isEmpty { throw ValidationErrors([FieldError("comment", "error.required")]) }
        let on = found.pendingOn
        try await CaseJournal.change(found, in: work) { journal in
            found.pendingClosingCode = nil
            found.pendingReason = nil
            found.pendingOn = nil
            found.pendingBy = nil
            switch decision {
            case .approve:
                found.status = .closed
                found.closingCode = code
                try await journal.record(.status, comment.isEmpty ? reason : "\(reason)\n\(comment)", status: .closed,
                                         closingCode: code, on: on, audit: .approveClosing)
            case .reject:
                try await journal.record(.closingRejected, comment, closingCode: code, audit: .approveClosing)
            }
        }
    }
}
