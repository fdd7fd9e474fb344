import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Vapor

/// What the API returns about employers and cases. Amounts are integer fen; dates are `YYYY-MM-DD`.
enum CaseResource {
    struct EmployerBody: Content {
        let id: UUID
        let name: String
        let credit_code: String?
        let address: String?
        let city: String?
        let industry: String?

        init(_ employer: Employer) {
            id = employer.id!
            name = employer.name
            credit_code = employer.creditCode
            address = employer.address
            city = employer.city
            industry = employer.industry
        }
    }

    /// A case in a list. For a lawyer who has not yet confirmed they have no conflict of interest, only
    /// the id, the number and the respondents (`conflict_check_pending`); every other field is null.
    struct Summary: Content {
        let id: UUID
        let number: String
        let title: String?
        let status: String?
        let dispute_types: [String]?
        let opened_on: CalendarDate?
        let next_action_on: CalendarDate?
        let workers: Int?
        let conflict_check_pending: Bool
        let respondents: [String]?

        init(_ found: Case, title: String, workers: Int?) {
            id = found.id!
            number = found.number
            self.title = title
            status = found.status.rawValue
            dispute_types = found.disputeTypes.map(\.rawValue)
            opened_on = found.openedOn
            next_action_on = found.nextActionOn
            self.workers = workers
            conflict_check_pending = false
            respondents = nil
        }

        init(_ row: CaseListQuery.Row) {
            id = row.id
            number = row.number
            let pending = row.pendingRespondents != nil
            title = row.title
            status = pending ? nil : row.status.rawValue
            dispute_types = pending ? nil : row.disputeTypes.map(\.rawValue)
            opened_on = pending ? nil : row.openedOn
            next_action_on = pending ? nil : row.nextActionOn
            workers = pending ? nil : row.workers
            conflict_check_pending = pending
            respondents = row.pendingRespondents
        }
    }

    struct CaseList: Content {
        let cases: [Summary]
        let next: String?
    }

    struct Totals: Content {
        let claimed_fen: Int64
        let agreed_fen: Int64
        let paid_fen: Int64
        /// The sum over confirmed claims of what is still owed.
        let outstanding_fen: Int64
        /// The sum over confirmed claims of what was paid beyond the agreed amount.
        let overpaid_fen: Int64
        /// Claims with no confirmed amount yet (what they still owe is not known).
        let unconfirmed_claims: Int

        init(_ totals: Ledger.Totals) {
            claimed_fen = totals.claimed.fen
            agreed_fen = totals.agreed.fen
            paid_fen = totals.paid.fen
            outstanding_fen = totals.outstanding.fen
            overpaid_fen = totals.overpaid.fen
            unconfirmed_claims = totals.unconfirmed
        }
    }

    struct WorkerOnCase: Content {
        let id: UUID
        let name: String
        let totals: Totals
    }

    struct Respondent: Content {
        let employer_id: UUID
        let name: String
        let role: String
    }

    struct ClaimBody: Content {
        let id: UUID
        let worker_id: UUID
        let head: String
        let claimed_fen: Int64
        let agreed_fen: Int64?
        let agreed_source: String?
        let paid_fen: Int64
        let overpaid: Bool
    }

    struct PaymentBody: Content {
        let id: UUID
        let claim_id: UUID
        let worker_id: UUID
        let paid_on: String
        let amount_fen: Int64
        let payer: String
        let method: String
        let evidence_file_id: UUID?
        let reverses_id: UUID?
        let reversal_reason: String?
    }

    struct File: Content {
        let id: UUID
        let name: String
        let content_type: String
        let size_bytes: Int
        let sha256: String
        let description: String
        let uploaded_at: Date

        init(_ file: EvidenceFile, cipher: FieldCipher) throws {
            id = file.id!
            name = try file.openOriginalName(cipher)
            content_type = file.contentType
            size_bytes = file.sizeBytes
            sha256 = file.sha256
            description = try file.openCaption(cipher)
            uploaded_at = file.uploadedAt
        }
    }

    struct Detail: Content {
        let summary: Summary
        let closing_code: String?
        let pending_closing_code: String?
        let key_dates: [String: String]
        let workers: [WorkerOnCase]
        let respondents: [Respondent]
        let claims: [ClaimBody]
        let payments: [PaymentBody]
        let totals: Totals

        init(_ model: CasePageModel) {
            let found = model.case
            summary = Summary(found, title: model.caseTitle, workers: model.workers.count)
            closing_code = found.closingCode?.rawValue
            pending_closing_code = found.pendingClosingCode?.rawValue
            key_dates = CaseDraft(found, title: model.caseTitle, summary: model.caseSummary).keyDates
            workers = model.workers.map { WorkerOnCase(id: $0.worker.id!, name: $0.name, totals: Totals($0.totals)) }
            respondents = model.respondents.map { Respondent(employer_id: $0.employer.id!, name: $0.employer.name, role: $0.role.rawValue) }
            claims = model.ledger.lines.map { line in
                let claim = model.claims.first { $0.id == line.claim.id }
                return ClaimBody(id: line.claim.id, worker_id: line.claim.workerID, head: line.claim.head.rawValue,
                                 claimed_fen: line.claim.claimed.fen, agreed_fen: line.claim.agreed?.fen,
                                 agreed_source: claim?.agreedSource?.rawValue, paid_fen: line.paid.fen, overpaid: line.overpaid)
            }
            payments = model.payments.map {
                PaymentBody(id: $0.id!, claim_id: $0.claimID, worker_id: $0.workerID, paid_on: $0.paidOn.description, amount_fen: $0.amountFen,
                            payer: $0.payer, method: $0.method.rawValue, evidence_file_id: $0.evidenceFileID,
                            reverses_id: $0.reversesID, reversal_reason: model.reversalReasons[$0.id!])
            }
            totals = Totals(model.ledger.total)
        }
    }
}

extension CaseDraft {
    /// The key dates that are set, by field name.
    var keyDates: [String: String] {
        var dates: [String: String] = [:]
        for field in Self.dateFields { dates[field] = value(of: field) }
        return dates
    }
}
