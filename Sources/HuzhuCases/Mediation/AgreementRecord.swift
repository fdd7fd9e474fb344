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

    /// The agreement in its types; `fields` are the whole form, whose `term_<claim id>` fields are the amounts.
    func command(fields: [String: String]) -> RecordMediationAgreement {
        var command = RecordMediationAgreement(parties: agreement_parties ?? "", facts: facts ?? "", terms: terms ?? "")
        if let raw = session, !raw.isEmpty {
            command.sessionID = UUID(uuidString: raw)
            if command.sessionID == nil { command.unread.add("session", "error.choice_invalid") }
        }
        command.effectiveOn = command.unread.check { () throws(FieldError) in try CaseInput.date(effective_on, field: "effective_on") } ?? nil
        for (field, raw) in fields where field.hasPrefix("term_") && !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let claim = UUID(uuidString: String(field.dropFirst(5))) else { continue }
            command.settled[claim] = command.unread.check { () throws(FieldError) in try Money(yuan: raw, field: field) }
        }
        command.schedule = command.unread.check { () throws(FieldError) in
            try AgreementRecord.schedule(schedule ?? "", from: command.effectiveOn)
        } ?? []
        if let raw = signed_file, !raw.isEmpty {
            command.signedFileID = UUID(uuidString: raw)
            if command.signedFileID == nil { command.unread.add("signed_file", "error.choice_invalid") }
        }
        return command
    }
}

/// A people's mediation agreement: its parties, facts and terms, the day it takes effect, what it
/// settles for each claim of the case, and its schedule of instalments.
struct RecordMediationAgreement: Sendable {
    var sessionID: UUID?
    var parties = ""
    var facts = ""
    var terms = ""
    var effectiveOn: CalendarDate?
    /// Claim id → the amount the agreement settles for it.
    var settled: [UUID: Money] = [:]
    var schedule: [AgreementRecord.Due] = []
    var signedFileID: UUID?
    var unread = ValidationErrors()
}

/// Records a people's mediation agreement: its terms become the claims' agreed amounts (source:
/// mediation), and its schedule the instalments the payments are matched against.
enum AgreementRecord {
    /// One instalment of a schedule.
    struct Due: Sendable {
        let on: CalendarDate
        let amount: Money
    }

    /// The schedule typed one instalment per line: a date on or after the agreement takes effect, and an amount.
    static func schedule(_ text: String, from effective: CalendarDate?) throws(FieldError) -> [Due] {
        var result: [Due] = []
        for line in text.split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let pieces = line.split(whereSeparator: { " \t,，".contains($0) }).map(String.init)
            guard pieces.count == 2, let due = CalendarDate(iso: pieces[0]),
                  let amount = try? Money(yuan: pieces[1], field: "schedule") else { throw FieldError("schedule", "error.schedule_line") }
            if let effective, due < effective { throw FieldError("schedule", "error.schedule_before_effective") }
            result.append(Due(on: due, amount: amount))
        }
        guard result.count <= 60 else { throw FieldError("schedule", "error.schedule_line") }
        return result.sorted { $0.on < $1.on }
    }
}

extension Cases {
    static func recordAgreement(_ command: RecordMediationAgreement, on found: Case, in work: WorkContext) async throws {
        let caseID = try found.requireID()
        var errors = ValidationErrors()
        let parties = errors.check { () throws(FieldError) in try CaseInput.text(command.parties, field: "agreement_parties", max: 4000) }
        let facts = errors.check { () throws(FieldError) in try CaseInput.text(command.facts, field: "facts", max: 8000) }
        let terms = errors.check { () throws(FieldError) in try CaseInput.text(command.terms, field: "terms", max: 8000) }
        if !errors.carry("effective_on", from: command.unread) { errors.checkPast(command.effectiveOn, field: "effective_on", today: work.today) }
        let claims = try await Claim.query(on: work.db).filter(\.$caseID == caseID).all()
        var settled: [(Claim, Money)] = []
        for claim in claims {
            let field = "term_\(claim.id!.uuidString)"
            if errors.carry(field, from: command.unread) { continue }
            if let amount = command.settled[claim.id!] { settled.append((claim, amount)) }
        }
        if settled.isEmpty && errors.isEmpty { errors.add("terms", "error.agreement_needs_amounts") }
        let total = settled.reduce(0) { $0 + $1.1.fen }
        if !errors.carry("schedule", from: command.unread), !command.schedule.isEmpty,
           command.schedule.reduce(0, { $0 + $1.amount.fen }) != total {
            errors.add("schedule", "error.schedule_total")
        }
        if !errors.carry("session", from: command.unread), let id = command.sessionID,
           try await MediationSession.query(on: work.db).filter(\.$caseID == caseID).filter(\.$id == id).first() == nil {
            errors.add("session", "error.choice_invalid")
        }
        if !errors.carry("signed_file", from: command.unread), let id = command.signedFileID,
           try await EvidenceFile.query(on: work.db).filter(\.$caseID == caseID).filter(\.$id == id).first() == nil {
            errors.add("signed_file", "error.choice_invalid")
        }
        try errors.throwIfAny()
        let effective = command.effectiveOn!
        let office = try await Office.find(found.officeID, on: work.db)
        let settledTerms = settled
        try await CaseJournal.change(found, in: work) { journal in
            let db = journal.db
            let agreement = MediationAgreement()
            agreement.ngoID = found.ngoID
            agreement.caseID = caseID
            agreement.sessionID = command.sessionID
            let serial = try await OfficeCounter.next(office: found.officeID, series: "agreement-\(effective.year)", on: db)
            agreement.number = "\(office?.code ?? "X")-\(effective.year)-M\(String(format: "%03d", serial))"
            agreement.parties = parties!
            agreement.facts = facts!
            agreement.terms = terms!
            agreement.effectiveOn = effective
            agreement.signedFileID = command.signedFileID
            agreement.createdBy = journal.work.actor.userID
            agreement.createdAt = journal.work.now
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
                claim.agreedOn = effective
                try await claim.save(on: db)
            }
            for due in command.schedule {
                let instalment = Instalment()
                instalment.ngoID = found.ngoID
                instalment.agreementID = try agreement.requireID()
                instalment.caseID = caseID
                instalment.dueOn = due.on
                instalment.amountFen = due.amount.fen
                try await instalment.create(on: db)
            }
            try await journal.record(.mediationAgreement, "\(agreement.number) \(Money(fen: total).formatted)", ref: agreement.id,
                                     on: effective, audit: .recordAgreement, recordType: "mediation_agreement", recordID: agreement.id)
        }
    }
}
