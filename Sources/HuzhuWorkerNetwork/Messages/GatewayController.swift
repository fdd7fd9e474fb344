import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import Vapor

/// The addresses the SMS gateway calls: workers' replies (Kannel's `sms-service`) and delivery reports
/// (its `dlr-url`). Kannel cannot sign a request, so each address holds the gateway's secret, compared in
/// constant time; when the gateway's own addresses are configured, no other may call. A wrong secret is
/// a page that does not exist.
enum GatewayController {
    /// GET only: Kannel's `get-url` and `dlr-url` (a POST would need a form's CSRF token, which a gateway has not).
    static func register(_ routes: any RoutesBuilder) {
        routes.get(WorkerNetworkRoute.smsInbound(.parameter), use: inbound)
        routes.get(WorkerNetworkRoute.smsReports(.parameter), use: report)
    }

    /// Refuses a call without the gateway's secret or from an address that is not the gateway's.
    static func check(_ request: Request) throws {
        let settings = request.application.smsGateway
        guard let secret = settings.secret, SecretToken.constantTimeEquals(request.parameters.get("id") ?? "", secret) else {
            throw HuzhuAbort.notFound
        }
        guard settings.gatewayAddresses.isEmpty || settings.gatewayAddresses.contains(request.clientAddress) else {
            throw HuzhuAbort(.forbidden, "error.forbidden")
        }
    }

    struct Inbound: Content {
        var from: String?
        var to: String?
        var text: String?
    }

    /// A worker's reply: "TD" opts the number out at once (confirmed once by SMS), "恢复" back in; anything
    /// else is an inbound contact of the office whose line the message was sent to.
    static func inbound(_ request: Request) async throws -> HTTPStatus {
        try check(request)
        let fields = (try? request.query.decode(Inbound.self)) ?? Inbound()
        guard let from = try? PhoneNumber(fields.from ?? "") else { throw HuzhuAbort(.unprocessableEntity, "error.phone_invalid") }
        let text = fields.text ?? ""
        let to = fields.to ?? ""
        let app = request.application
        let now = app.clock.now()
        switch SMSText.reply(text) {
        case .optOut:
            if try await OptOuts.set(from.digits, out: true, at: now, db: request.db, cipher: app.fieldCipher) {
                let signature = try await signature(for: to, on: request.db)
                _ = await KannelClient(settings: app.smsGateway, client: app.client)
                    .send("【\(signature)】\(Localizer(.zhHans)("sms.opted_out_confirmation"))", to: from.digits, report: nil)
            }
        case .optIn:
            _ = try await OptOuts.set(from.digits, out: false, at: now, db: request.db, cipher: app.fieldCipher)
        case .message:
            if try await InboundMessage.record(from: from, to: to, text: text, at: now, db: request.db, cipher: app.fieldCipher) == nil {
                request.logger.warning("An SMS came in for a number no office has as a line; it was not recorded. Add the number under Lines.")
            }
        }
        return .ok
    }

    /// The signature of the NGO whose line the worker wrote to (the network's name when none).
    private static func signature(for number: String, on db: any Database) async throws -> String {
        guard let line = try await TelephonyLine.query(on: db).filter(\.$number == number.filter(\.isNumber)).first(),
              let ngo = try await NGO.find(line.ngoID, on: db) else { return Localizer(.zhHans)("app.name") }
        return SMSText.signature(ngo.name)
    }

    struct Report: Content {
        var recipient: UUID?
        var status: Int?
    }

    /// A delivery report: 1 delivered, 2 and 16 failed, 4 and 8 on their way (buffered, accepted by the carrier).
    static func report(_ request: Request) async throws -> HTTPStatus {
        try check(request)
        let report = (try? request.query.decode(Report.self)) ?? Report()
        guard let id = report.recipient, let status = report.status,
              let copy = try await SMSRecipient.find(id, on: request.db) else { throw HuzhuAbort.notFound }
        let state: SMSState? = switch status {
        case 1: .delivered
        case 2, 16: .failed
        case 4, 8: copy.state == .delivered ? nil : .sent
        default: nil
        }
        guard let state, copy.state != state else { return .ok }
        copy.state = state
        copy.reason = state == .failed ? "sms.reason.not_delivered" : nil
        copy.updatedAt = request.application.clock.now()
        try await request.db.write { db in try await copy.save(on: db) }
        return .ok
    }
}
