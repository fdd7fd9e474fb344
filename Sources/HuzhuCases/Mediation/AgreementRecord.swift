import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Vapor

/// A mediation agreement as typed: its text, the amount it settles for each claim (`term_<claim id>`),
/// and its schedule, one instalment per line (`2026-12-31 5000`).
struct MediationAgreementInput: Content {
    var session: String?
    var agreement_parties: String?
    var facts: String?
    var terms: String?
    var effective_on: String?
    var schedule: String?
    var signed_file: String?
}

/// Records a people's mediation agreement: its terms become the claims' agreed amounts (source:
/// mediation), and its schedule the instalments the payments are matched against.
enum AgreementRecord {
    static func add(_ access: CaseAccess, _ input: MediationAgreementInput, amounts: [String: String], request: Request) async throws {
        let found = access.case
        let caseID = try found.requireID()
        var errors = ValidationErrors()
        let parties = errors.check { () throws(FieldError) in try CaseInput.text(input.agreement_parties, field: "agreement_parties", max: 4000) }
        let facts = errors.check { () throws(FieldError) in try CaseInput.text(input.facts, field: "facts", max: 8000) }
        let terms = errors.check { () throws(FieldError) in try CaseInput.text(input.terms, field: "terms", max: 8000) }
        let effective = errors.check { () throws(FieldError) in
            try CaseInput.requiredPastDate(input.effective_on, field: "effective_on", today: request.today)
        }
        let claims = try await Claim.query(on: request.db).filter(\.$caseID == caseID).all()
        var settled: [(Claim, Money)] = []
        for claim in claims {
            guard let raw = amounts["term_\(claim.id!.uuidString)"], !raw.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            if let amount = errors.check({ () throws(FieldError) in try Money(yuan: raw, field: "term_\(claim.id!.uuidString)") }) {
                settled.append((claim, amount))
            }
        }
        if settled.isEmpty && errors.isEmpty { errors.add("terms", "error.agreement_needs_amounts") }
        let schedule = errors.check { () throws(FieldError) in try Self.schedule(input.schedule ?? "", from: effective) } ?? []
        let total = settled.reduce(0) { $0 + $1.1.fen }
        if !schedule.isEmpty && schedule.reduce(0, { $0 + $1.1.fen }) != total {
            errors.add("schedule", "error.schedule_total")
        }
        var sessionID: UUID?
        if let raw = input.session, !raw.isEmpty {
            if let id = UUID(uuidString: raw) {
                sessionID = try await MediationSession.query(on: request.db).filter(\.$caseID == caseID).filter(\.$id == id).first()?.id
            }
            if sessionID == nil { errors.add("session", "error.choice_invalid") }
        }
        var signedID: UUID?
        if let raw = input.signed_file, !raw.isEmpty {
            if let id = UUID(uuidString: raw) {
                signedID = try await EvidenceFile.query(on: request.db).filter(\.$caseID == caseID).filter(\.$id == id).first()?.id
            }
            if signedID == nil { errors.add("signed_file", "error.choice_invalid") }
        }
        try errors.throwIfAny()
        let actor = try request.requireActor()
        let now = request.application.clock.now()
        let office = try await Office.find(found.officeID, on: request.db)
        let (session, signed, settledTerms) = (sessionID, signedID, settled)
        try await CaseJournal.change(found, by: request) { journal in
            let db = journal.db
            let agreement = MediationAgreement()
            agreement.ngoID = found.ngoID
            agreement.caseID = caseID
            agreement.sessionID = session
            let serial = try await OfficeCounter.next(office: found.officeID, series: "agreement-\(effective!.year)", on: db)
            agreement.number = "\(office?.code ?? "X")-\(effective!.year)-M\(String(format: "%03d", serial))"
            agreement.parties = parties!
            agreement.facts = facts!
            agreement.terms = terms!
            agreement.effectiveOn = effective!
            agreement.signedFileID = signed
            agreement.createdBy = actor.userID
            agreement.createdAt = now
            try await agreement.create(on: db)
            for (claim, amount) in settledTerms {
                let term = AgreementTerm()
                term.ngoID = found.ngoID
                term.agreementID = try agreement.requireID()
                term.claimID = try claim.requireID()
                term.amountFen = amount.fen
                try await term.create(on: db)
                claim.agreedFen = amount.fen
                claim.agreedSource = .mediation
                claim.agreedOn = effective!
                try await claim.save(on: db)
            }
            for (due, amount) in schedule {
                let instalment = Instalment()
                instalment.ngoID = found.ngoID
                instalment.agreementID = try agreement.requireID()
                instalment.caseID = caseID
                instalment.dueOn = due
                instalment.amountFen = amount.fen
                try await instalment.create(on: db)
            }
            try await journal.record(.mediationAgreement, "\(agreement.number) \(Money(fen: total).formatted)", ref: agreement.id,
                                     on: effective, audit: .recordAgreement, recordType: "mediation_agreement", recordID: agreement.id)
        }
    }

    /// The schedule typed one instalment per line: a date on or after the agreement takes effect, and an amount.
    static func schedule(_ text: String, from effective: CalendarDate?) throws(FieldError) -> [(CalendarDate, Money)] {
        var result: [(CalendarDate, Money)] = []
        for line in text.split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let pieces = line.split(whereSeparator: { " \t,，".contains($0) }).map(String.init)
            guard pieces.count == 2, let due = CalendarDate(iso: pieces[0]),
                  let amount = try? Money(yuan: pieces[1], field: "schedule") else { throw FieldError("schedule", "error.schedule_line") }
            if let effective, due < effective { throw FieldError("schedule", "error.schedule_before_effective") }
            result.append((due, amount))
        }
        guard result.count <= 60 else { throw FieldError("schedule", "error.schedule_line") }
        return result.sorted { $0.0 < $1.0 }
    }
}
