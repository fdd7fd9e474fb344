import Foundation

/// A requested change of a case's status, checked against the pipeline's rules before anything is
/// written.
public struct StatusMove: Sendable, Equatable {
    public let from: CaseStatus
    public let to: CaseStatus
    public let on: CalendarDate
    public let reason: String
    public let closingCode: ClosingCode?

    /// What the move needs before it takes effect.
    public enum Outcome: Sendable, Equatable {
        /// The status changes now.
        case done
        /// A closing that waits for a supervisor's approval; the status stays until then.
        case awaitingApproval
    }

    /// Checks a move. `approvalRequired`: the office wants a supervisor to approve closings;
    /// `mayApprove`: the person moving the case is one who approves.
    public static func check(from: CaseStatus, to: CaseStatus?, on date: CalendarDate?, today: CalendarDate,
                             reason: String, closingCode: ClosingCode?, approvalRequired: Bool,
                             mayApprove: Bool) throws(ValidationErrors) -> (StatusMove, Outcome) {
        var errors = ValidationErrors()
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if to == nil { errors.add("status", "error.required") }
        if let to, to != from, !from.mayMove(to: to) { errors.add("status", "error.status_move_not_allowed") }
        if to == from { errors.add("status", "error.status_unchanged") }
        if date == nil { errors.add("moved_on", "error.date_format") }
        if let date, date > today { errors.add("moved_on", "error.date_in_future") }
        if reason.isEmpty { errors.add("reason", "error.required") }
        if reason.count > 2000 { errors.add("reason", "error.too_long") }
        if to == .closed && closingCode == nil { errors.add("closing_code", "error.closing_code_required") }
        if to != .closed && closingCode != nil { errors.add("closing_code", "error.closing_code_only_when_closing") }
        try errors.throwIfAny()
        let move = StatusMove(from: from, to: to!, on: date!, reason: reason, closingCode: closingCode)
        return (move, to == .closed && approvalRequired && !mayApprove ? .awaitingApproval : .done)
    }
}
