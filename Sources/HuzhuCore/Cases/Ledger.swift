import Foundation

/// The head of a claim: what the money is owed for.
public enum ClaimHead: String, CaseIterable, Codable, Sendable {
    case unpaidWages = "unpaid_wages"
    case overtime
    case doubleWages = "double_wages"
    case economicCompensation = "economic_compensation"
    case terminationDamages = "termination_damages"
    case injuryBenefits = "injury_benefits"
    case socialInsurance = "social_insurance"
    case other
}

/// What made an agreed amount binding.
public enum AgreementSource: String, CaseIterable, Codable, Sendable {
    case settlement, mediation, award, judgment
}

/// The recovery ledger of a case: what was claimed, agreed and actually paid, per worker and head.
/// Every total is derived here from the claims and the payments; none is ever typed in.
public struct Ledger: Sendable {
    public struct Claim: Sendable {
        public let id: UUID
        public let workerID: UUID
        public let head: ClaimHead
        public let claimed: Money
        public let agreed: Money?

        public init(id: UUID, workerID: UUID, head: ClaimHead, claimed: Money, agreed: Money?) {
            self.id = id
            self.workerID = workerID
            self.head = head
            self.claimed = claimed
            self.agreed = agreed
        }
    }

    public struct Payment: Sendable {
        public let claimID: UUID
        public let amount: Money

        public init(claimID: UUID, amount: Money) {
            self.claimID = claimID
            self.amount = amount
        }
    }

    /// Claimed, agreed and paid added up over some claims, and what is still owed and what was paid
    /// beyond the agreed amount, each the sum of the claims' own figures: one worker's overpayment is
    /// never netted against another's debt.
    public struct Totals: Sendable, Equatable {
        public private(set) var claimed = Money(fen: 0)
        public private(set) var agreed = Money(fen: 0)
        public private(set) var paid = Money(fen: 0)
        /// The sum over confirmed claims of what is still to be paid of the agreed amount.
        public private(set) var outstanding = Money(fen: 0)
        /// The sum over confirmed claims of what was paid beyond the agreed amount.
        public private(set) var overpaid = Money(fen: 0)
        /// Claims with no confirmed (agreed) amount yet: what they still owe is not known.
        public private(set) var unconfirmed = 0

        public init() {}

        /// The figures of one claim: `agreed` nil while no amount is confirmed.
        public init(claimed: Money, agreed: Money?, paid: Money) {
            self.claimed = claimed
            self.agreed = agreed ?? Money(fen: 0)
            self.paid = paid
            if let agreed {
                outstanding = Money(fen: max(agreed.fen - paid.fen, 0))
                overpaid = Money(fen: max(paid.fen - agreed.fen, 0))
            } else {
                unconfirmed = 1
            }
        }

        static func + (a: Totals, b: Totals) -> Totals {
            var sum = Totals()
            sum.claimed = Money(fen: a.claimed.fen + b.claimed.fen)
            sum.agreed = Money(fen: a.agreed.fen + b.agreed.fen)
            sum.paid = Money(fen: a.paid.fen + b.paid.fen)
            sum.outstanding = Money(fen: a.outstanding.fen + b.outstanding.fen)
            sum.overpaid = Money(fen: a.overpaid.fen + b.overpaid.fen)
            sum.unconfirmed = a.unconfirmed + b.unconfirmed
            return sum
        }
    }

    public struct Line: Sendable {
        public let claim: Claim
        public let paid: Money
        /// Paid beyond the agreed amount: allowed (an employer may pay interest or more), but flagged.
        public var overpaid: Bool { claim.agreed.map { paid > $0 } ?? false }
        public var totals: Totals { Totals(claimed: claim.claimed, agreed: claim.agreed, paid: paid) }
    }

    public let lines: [Line]

    public init(claims: [Claim], payments: [Payment]) {
        var paid: [UUID: Int64] = [:]
        for payment in payments { paid[payment.claimID, default: 0] += payment.amount.fen }
        lines = claims.map { Line(claim: $0, paid: Money(fen: paid[$0.id] ?? 0)) }
    }

    public var total: Totals { lines.reduce(Totals()) { $0 + $1.totals } }

    public func total(of workerID: UUID) -> Totals {
        lines.filter { $0.claim.workerID == workerID }.reduce(Totals()) { $0 + $1.totals }
    }

    public func total(of head: ClaimHead) -> Totals {
        lines.filter { $0.claim.head == head }.reduce(Totals()) { $0 + $1.totals }
    }

    public var hasOverpayment: Bool { lines.contains(where: \.overpaid) }
}
