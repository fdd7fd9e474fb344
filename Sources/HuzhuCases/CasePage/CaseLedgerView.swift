import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// The recovery ledger of a case: each worker's claims by head, what was agreed and what was paid,
/// the payments received, and the forms that record them.
enum CaseLedgerView {
    static func render(_ model: CasePageModel, form: CaseForm, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let id = RouteID.of(model.case.id!)
        let claimOptions = model.ledger.lines.map { line in
            (line.claim.id.uuidString, "\(model.workerName(line.claim.workerID) ?? "—") · \(t("claim_head.\(line.claim.head.rawValue)"))")
        }
        return .section(.class("card"), .id("ledger"), .h2(.text(t("ledger.title"))),
            .if(model.ledger.hasOverpayment, .p(.class("notice due"), .text(t("ledger.overpaid_notice")))),
            .if(model.ledger.lines.isEmpty, .p(.class("empty"), .text(t("ledger.no_claims")))),
            .if(!model.ledger.lines.isEmpty, .table(.class("stack ledger"),
                .thead(.tr(.th(.text(t("field.worker"))), .th(.text(t("field.head"))), .th(.text(t("ledger.claimed"))),
                           .th(.text(t("ledger.agreed"))), .th(.text(t("ledger.paid"))), .th(.text(t("ledger.outstanding"))))),
                .tbody(.forEach(model.ledger.lines) { line in
                    let agreed = line.claim.agreed.map { $0.formatted } ?? "—"
                    let source = model.claims.first { $0.id == line.claim.id }?.agreedSource
                    return .tr(.if(line.overpaid, .class("overpaid")),
                        CasePeopleView.cell(t("field.worker"), .text(model.workerName(line.claim.workerID) ?? "—")),
                        CasePeopleView.cell(t("field.head"), .text(t("claim_head.\(line.claim.head.rawValue)"))),
                        CasePeopleView.cell(t("ledger.claimed"), .text(line.claim.claimed.formatted)),
                        CasePeopleView.cell(t("ledger.agreed"), .text(agreed + (source.map { " (\(t("agreement_source.\($0.rawValue)")))" } ?? ""))),
                        CasePeopleView.cell(t("ledger.paid"), .text(line.paid.formatted + (line.overpaid ? " ⚠ \(t("ledger.overpaid"))" : ""))),
                        CasePeopleView.cell(t("ledger.outstanding"), .text(CasePeopleView.outstanding(line.totals, t))))
                }))),
            payments(model, t),
            .if(model.access.mayWork, .p(.a(.class("button"),
                .href(queryLink(CasesRoute.calculator.path, [("case", model.case.id!.uuidString.lowercased())]).attributeEscaped),
                .text(t("ledger.use_calculator"))))),
            .if(model.access.mayWork, .div(.class("ledger-forms"),
                form.action(t("ledger.add_claim"), CasesRoute.claims(id).path, page,
                    Forms.select("worker", options: model.workers.map { ($0.worker.id!.uuidString, $0.name) },
                                 selected: form["worker"], errors: form.errors, t),
                    Forms.select("head", options: ClaimHead.allCases.map { ($0.rawValue, t("claim_head.\($0.rawValue)")) },
                                 selected: form["head"], errors: form.errors, t),
                    Forms.text("claimed", value: form["claimed"], errors: form.errors, t, hint: t("ledger.yuan_hint")),
                    Forms.text("note", value: form["note"], errors: form.errors, t, required: false),
                    Forms.submit(t("ledger.add_claim"))),
                .if(!claimOptions.isEmpty, .group(
                    form.action(t("ledger.record_agreement"), CasesRoute.agreements(id).path, page,
                        Forms.select("agreed_claim", options: claimOptions, selected: form["agreed_claim"], errors: form.errors, t),
                        Forms.text("agreed", value: form["agreed"], errors: form.errors, t, hint: t("ledger.yuan_hint")),
                        Forms.select("source", options: AgreementSource.allCases.map { ($0.rawValue, t("agreement_source.\($0.rawValue)")) },
                                     selected: form["source"], errors: form.errors, t),
                        Forms.text("agreed_on", value: form["agreed_on"] ?? model.today.description, errors: form.errors, t, type: .date),
                        Forms.submit(t("ledger.record_agreement"))),
                    form.action(t("ledger.record_payment"), CasesRoute.payments(id).path, page,
                        Forms.select("claim", options: claimOptions, selected: form["claim"], errors: form.errors, t),
                        Forms.text("amount", value: form["amount"], errors: form.errors, t, hint: t("ledger.yuan_hint")),
                        Forms.text("paid_on", value: form["paid_on"] ?? model.today.description, errors: form.errors, t, type: .date),
                        Forms.text("payer", value: form["payer"] ?? model.respondents.first?.employer.name, errors: form.errors, t),
                        Forms.select("method", options: Payment.Method.allCases.map { ($0.rawValue, t("payment_method.\($0.rawValue)")) },
                                     selected: form["method"] ?? Payment.Method.bankTransfer.rawValue, errors: form.errors, t),
                        Forms.select("evidence", options: model.files.map { ($0.id!.uuidString, model.fileNames[$0.id!] ?? "") },
                                     selected: form["evidence"], errors: form.errors, t, required: false),
                        confirmExcess("amount", form, t),
                        Forms.submit(t("ledger.record_payment"))),
                    reversal(model, form: form, page))))))
    }

    /// The box that confirms an amount beyond what the claim still owes, shown once that was refused.
    private static func confirmExcess(_ field: String, _ form: CaseForm, _ t: Localizer) -> Node<HTML.FormContext> {
        .if(form.errors.messageKey(for: field) == "error.payment_exceeds_outstanding", Forms.checkbox("confirm_excess", checked: false, t))
    }

    /// Voids or corrects a payment by a reversing entry.
    private static func reversal(_ model: CasePageModel, form: CaseForm, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let reversed = model.reversedPayments
        let open = model.payments.filter { $0.reversesID == nil && !reversed.contains($0.id!) }
        guard !open.isEmpty else { return .empty }
        let heads = Dictionary(uniqueKeysWithValues: model.claims.map { ($0.id!, $0.head) })
        return form.action(t("ledger.reverse_payment"), CasesRoute.reversals(.of(model.case.id!)).path, page,
            .p(.class("hint"), .text(t("ledger.reverse_hint"))),
            Forms.select("payment", options: open.map { payment in
                (payment.id!.uuidString, [payment.paidOn.description, model.workerName(payment.workerID) ?? "—",
                                          heads[payment.claimID].map { t("claim_head.\($0.rawValue)") } ?? "—",
                                          Money(fen: payment.amountFen).formatted].joined(separator: " · "))
            }, selected: form["payment"], errors: form.errors, t),
            Forms.text("reversal_reason", value: form["reversal_reason"], errors: form.errors, t),
            Forms.text("corrected_amount", value: form["corrected_amount"], errors: form.errors, t, required: false,
                       hint: t("ledger.corrected_hint")),
            confirmExcess("corrected_amount", form, t),
            Forms.submit(t("ledger.reverse_payment")))
    }

    private static func payments(_ model: CasePageModel, _ t: Localizer) -> Node<HTML.BodyContext> {
        guard !model.payments.isEmpty else { return .empty }
        let claims = Dictionary(uniqueKeysWithValues: model.claims.map { ($0.id!, $0) })
        let files = Dictionary(uniqueKeysWithValues: model.files.map { ($0.id!, $0) })
        let reversed = model.reversedPayments
        return .group(.h3(.text(t("ledger.payments"))), .table(.class("stack payments"),
            .thead(.tr(.th(.text(t("field.paid_on"))), .th(.text(t("field.worker"))), .th(.text(t("field.head"))),
                       .th(.text(t("field.amount"))), .th(.text(t("field.payer"))), .th(.text(t("field.method"))),
                       .th(.text(t("field.evidence"))), .th(.text(t("ledger.entry"))))),
            .tbody(.forEach(model.payments) { payment in
                let claim = claims[payment.claimID]
                let entry = payment.reversesID != nil ? t("ledger.reversal", model.reversalReasons[payment.id!] ?? "")
                    : reversed.contains(payment.id!) ? t("ledger.reversed") : "—"
                return .tr(.if(payment.reversesID != nil || reversed.contains(payment.id!), .class("reversed")),
                    CasePeopleView.cell(t("field.paid_on"), .text(payment.paidOn.description)),
                    CasePeopleView.cell(t("field.worker"), .text(model.workerName(payment.workerID) ?? "—")),
                    CasePeopleView.cell(t("field.head"), .text(claim.map { t("claim_head.\($0.head.rawValue)") } ?? "—")),
                    CasePeopleView.cell(t("field.amount"), .text(Money(fen: payment.amountFen).formatted)),
                    CasePeopleView.cell(t("field.payer"), .text(payment.payer)),
                    CasePeopleView.cell(t("field.method"), .text(t("payment_method.\(payment.method.rawValue)"))),
                    CasePeopleView.cell(t("field.evidence"), .unwrap(payment.evidenceFileID.flatMap { files[$0] }, { file in
                        .a(.href(CasesRoute.file(.of(file.id!)).path), .text(model.fileNames[file.id!] ?? ""))
                    }, else: .text("—"))),
                    CasePeopleView.cell(t("ledger.entry"), .text(entry)))
            })))
    }
}
