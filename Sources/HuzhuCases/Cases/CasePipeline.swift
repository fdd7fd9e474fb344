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
}

/// A decision on a closing that awaits approval.
struct ApprovalInput: Content {
    var decision: String?
    var comment: String?
}

/// Moves cases through the pipeline, and the supervisor's approval of closings where the office asks
/// for it.
enum CasePipeline {
    /// Checks and applies a move; a closing that needs approval is recorded as asked for instead.
    @discardableResult
    static func move(_ access: CaseAccess, _ input: StatusInput, request: Request) async throws -> StatusMove.Outcome {
        let found = access.case
        if found.pendingClosingCode != nil { throw HuzhuAbort(.conflict, "error.closing_pending") }
        let settings = try await CaseSettings.find(found.officeID, on: request.db)
        var errors = ValidationErrors()
        if let raw = input.closing_code, !raw.isEmpty, ClosingCode(rawValue: raw) == nil {
            errors.add("closing_code", "error.choice_invalid")
        }
        try errors.throwIfAny()
        let (move, outcome) = try StatusMove.check(
            from: found.status, to: input.status.flatMap(CaseStatus.init(rawValue:)),
            on: input.moved_on.flatMap { CalendarDate(iso: $0.trimmingCharacters(in: .whitespaces)) },
            today: request.today, reason: input.reason ?? "",
            closingCode: input.closing_code.flatMap(ClosingCode.init(rawValue:)),
            approvalRequired: settings?.closingNeedsApproval ?? false,
            mayApprove: request.may(.approveClosings, in: access.scope))
        try await CaseJournal.change(found, by: request) { journal in
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
                found.pendingBy = request.actor?.userID
                try await journal.record(.closingRequested, move.reason, status: .closed, closingCode: move.closingCode,
                                         on: move.on, audit: .moveCase)
            }
        }
        return outcome
    }

    /// Approves (the case closes as asked) or rejects (it stays where it was) a pending closing.
    static func decide(_ access: CaseAccess, _ input: ApprovalInput, request: Request) async throws {
        let found = access.case
        try request.authorize(.approveClosings, in: access.scope)
        guard let code = found.pendingClosingCode, let reason = found.pendingReason else {
            throw HuzhuAbort(.conflict, "error.no_closing_pending")
        }
        let comment = (input.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard input.decision == "approve" || input.decision == "reject" else {
            throw ValidationErrors([FieldError("decision", "error.choice_invalid")])
        }
        if input.decision == "reject" && comment.isEmpty { throw ValidationErrors([FieldError("comment", "error.required")]) }
        let on = found.pendingOn
        try await CaseJournal.change(found, by: request) { journal in
            found.pendingClosingCode = nil
            found.pendingReason = nil
            found.pendingOn = nil
            found.pendingBy = nil
            if input.decision == "approve" {
                found.status = .closed
                found.closingCode = code
                try await journal.record(.status, comment.isEmpty ? reason : "\(reason)\n\(comment)", status: .closed,
                                         closingCode: code, on: on, audit: .approveClosing)
            } else {
                try await journal.record(.closingRejected, comment, closingCode: code, audit: .approveClosing)
            }
        }
    }
}
