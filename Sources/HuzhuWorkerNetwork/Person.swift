import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform

/// A person added to a group or a training by name and phone: the NGO's worker with that phone is
/// reused (their record keeps its name), anyone else becomes a new worker record.
struct Person: Sendable {
    var name: String
    var phone: String

    init(form: [String: String]) {
        name = form["full_name"] ?? ""
        phone = form["phone"] ?? ""
    }

    func check() throws(ValidationErrors) -> (name: String, phone: PhoneNumber) {
        var errors = ValidationErrors()
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { errors.add("full_name", "error.required") } else if name.count > 100 { errors.add("full_name", "error.too_long") }
        let phone = errors.check { () throws(FieldError) in try PhoneNumber(self.phone.trimmingCharacters(in: .whitespaces)) }
        guard errors.isEmpty, let phone else { throw errors }
        return (name, phone)
    }

    /// The worker this person is in the NGO, found or made, inside the caller's transaction; the
    /// consents given are recorded on them.
    func worker(ngoID: UUID, officeID: UUID, consents: Consents = Consents(), in registrar: Registrar) async throws -> Worker {
        let checked = try check()
        let worker = try await WorkerEnrolment(db: registrar.db, cipher: registrar.cipher)
            .enrol(name: checked.name, phone: checked.phone, ngoID: ngoID, officeID: officeID, by: registrar.userID, now: registrar.now).worker
        if (consents.sms && worker.consentSMSOn == nil) || (consents.network && worker.consentNetworkOn == nil) {
            if consents.sms { worker.consentSMSOn = worker.consentSMSOn ?? registrar.today }
            if consents.network { worker.consentNetworkOn = worker.consentNetworkOn ?? registrar.today }
            try await worker.save(on: registrar.db)
        }
        return worker
    }
}

/// The consents a worker ticks when they sign up themselves: each ticked one is recorded from today
/// (one given before stays as it was; an unticked box withdraws nothing).
struct Consents: Sendable {
    var sms = false
    var network = false

    init(form: [String: String]) {
        sms = form["consent_sms"] == "on"
        network = form["consent_network"] == "on"
    }

    init() {}
}
