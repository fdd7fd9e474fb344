import Foundation

/// An agreement's payment schedule matched against the payments actually received: payments fill the
/// instalments in the order they fall due, so a late or partial payment shows where it left off.
public enum Instalments {
    public struct Due: Sendable {
        public let id: UUID
        public let dueOn: CalendarDate
        public let amount: Money

        public init(id: UUID, dueOn: CalendarDate, amount: Money) {
            self.id = id
            self.dueOn = dueOn
            self.amount = amount
        }
    }

    public enum State: String, Sendable, Equatable {
        case paid, due, overdue
    }

    public struct Match: Sendable, Equatable {
        public let id: UUID
        public let dueOn: CalendarDate
        public let amount: Money
        public let paid: Money
        public let state: State

        public var outstanding: Money { Money(fen: amount.fen - paid.fen) }
    }

    /// Allocates `received` (the sum of the payments made for the agreement) to the instalments in
    /// due order. An instalment not fully paid is overdue after its due date.
    public static func match(_ schedule: [Due], received: Money, today: CalendarDate) -> [Match] {
        var left = received.fen
        return schedule.sorted { ($0.dueOn, $0.id.uuidString) < ($1.dueOn, $1.id.uuidString) }.map { instalment in
            let paid = min(left, instalment.amount.fen)
            left -= paid
            let state: State = paid >= instalment.amount.fen ? .paid : (instalment.dueOn < today ? .overdue : .due)
            return Match(id: instalment.id, dueOn: instalment.dueOn, amount: instalment.amount, paid: Money(fen: paid), state: state)
        }
    }
}
