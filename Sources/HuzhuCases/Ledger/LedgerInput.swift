import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// A claim as typed (the case page's form and the API's JSON have the same fields): which worker,
/// which head, how much (in yuan, `1234.50`).
struct ClaimInput: Content {
    var worker: String?
    var head: String?
    var claimed: String?
    var note: String?

    var command: AddClaim {
        var command = AddClaim(workerID: worker.flatMap(UUID.init(uuidString:)), head: head.flatMap(ClaimHead.init(rawValue:)),
                               note: note ?? "")
        command.claimed = command.unread.check { () throws(FieldError) in try Money(yuan: claimed ?? "", field: "claimed") }
        return command
    }
}

/// An agreed amount as typed, for one claim.
struct AgreementInput: Content {
    /// The claim whose agreed amount this is (named apart from a payment's `claim`: both forms share a page).
    var agreed_claim: String?
    var agreed: String?
    var source: String?
    var agreed_on: String?

    var command: AgreeClaim {
        var command = AgreeClaim(claimID: agreed_claim.flatMap(UUID.init(uuidString:)), source: source.flatMap(AgreementSource.init(rawValue:)))
        command.agreed = command.unread.check { () throws(FieldError) in try Money(yuan: agreed ?? "", field: "agreed") }
        command.agreedOn = command.unread.check { () throws(FieldError) in try CaseInput.date(agreed_on, field: "agreed_on") } ?? nil
        return command
    }
}

/// A payment received, as typed, for one claim.
struct PaymentInput: Content {
    var claim: String?
    var paid_on: String?
    var amount: String?
    var payer: String?
    var method: String?
    var evidence: String?
    /// "on" (the form's box) or true (the API): the amount is right even beyond what the claim still owes.
    var confirm_excess: Confirmation?

    var command: RecordPayment {
        var command = RecordPayment(claimID: claim.flatMap(UUID.init(uuidString:)), payer: payer ?? "",
                                    method: method.flatMap(Payment.Method.init(rawValue:)),
                                    confirmsExcess: confirm_excess?.given ?? false)
        command.amount = command.unread.check { () throws(FieldError) in try Money(yuan: amount ?? "", field: "amount") }
        command.paidOn = command.unread.check { () throws(FieldError) in try CaseInput.date(paid_on, field: "paid_on") } ?? nil
        if let evidence, !evidence.isEmpty {
            command.evidenceID = UUID(uuidString: evidence)
            if command.evidenceID == nil { command.unread.add("evidence", "error.choice_invalid") }
        }
        return command
    }
}

/// A reversal as typed: which payment, why, and the amount really received when it corrects one.
struct ReversalInput: Content {
    var payment: String?
    /// Named apart from a status move's `reason`: both forms share the case page.
    var reversal_reason: String?
    var corrected_amount: String?
    var confirm_excess: Confirmation?

    var command: ReversePayment {
        var command = ReversePayment(paymentID: payment.flatMap(UUID.init(uuidString:)), reason: reversal_reason ?? "",
                                     confirmsExcess: confirm_excess?.given ?? false)
        if let typed = corrected_amount, !typed.trimmingCharacters(in: .whitespaces).isEmpty {
            command.corrected = command.unread.check { () throws(FieldError) in try Money(yuan: typed, field: "corrected_amount") }
        }
        return command
    }
}

/// A confirmation box: a form sends "on" when it is ticked, JSON sends true.
struct Confirmation: Codable, Sendable {
    let given: Bool

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        given = (try? value.decode(Bool.self)) ?? ((try? value.decode(String.self)).map { ["on", "true", "1"].contains($0) } ?? false)
    }

    func encode(to encoder: any Encoder) throws {
        var value = encoder.singleValueContainer()
        try value.encode(given)
    }
}
