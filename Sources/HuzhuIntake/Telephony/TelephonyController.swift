import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// `POST /api/v1/telephony/events`: call events from the office's PBX or telephony provider, signed
/// with the line's secret (`WebhookSignature`). Ringing pops the caller's history on the operators'
/// pages; answered and ended time the call; missed calls enter the callback queue. Each event of a
/// call is applied once: a repeat is acknowledged and ignored.
enum TelephonyController {
    struct Acknowledgement: Content {
        let status: String
        let call_id: String
    }

    static let maxBody = 16 * 1024

    static func register(_ routes: any RoutesBuilder) {
        routes.on(.POST, IntakeRoute.apiTelephonyEvents.components, body: .collect(maxSize: ByteCount(integerLiteral: maxBody)),
                  use: receive)
    }

    static func receive(_ request: Request) async throws -> Acknowledgement {
        guard let buffer = request.body.data, buffer.readableBytes <= maxBody else {
            throw HuzhuAbort(.badRequest, "error.bad_request")
        }
        let body = Data(buffer: buffer)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let event = try? decoder.decode(TelephonyEvent.self, from: body),
              !event.call_id.isEmpty, event.call_id.count <= 100 else {
            throw HuzhuAbort(.badRequest, "error.telephony_event")
        }
        let cipher = request.application.fieldCipher
        let now = request.application.clock.now()
        // An unknown line and a bad signature get the same answer: nothing to learn by probing.
        guard let lineNumber = try? PhoneNumber(event.line),
              let line = try await TelephonyLine.query(on: request.db).filter(\.$number == lineNumber.digits).first() else {
            throw HuzhuAbort(.unauthorized, "error.signature")
        }
        do {
            try WebhookSignature.verify(body: body, timestamp: request.headers.first(name: WebhookSignature.timestampHeader),
                                        signature: request.headers.first(name: WebhookSignature.signatureHeader),
                                        secret: try cipher.open(line.secretCipher), now: now)
        } catch WebhookSignature.Failure.stale {
            throw HuzhuAbort(.unauthorized, "error.signature_stale")
        } catch {
            throw HuzhuAbort(.unauthorized, "error.signature")
        }
        guard let caller = try? PhoneNumber(event.caller) else { throw HuzhuAbort(.badRequest, "error.phone_invalid") }
        let applied = try await request.db.write { db in
            try await CallLog(db: db, cipher: cipher).apply(event, caller: caller, line: line, now: now)
        }
        if applied && event.event == .ringing {
            try await ScreenPop.push(event, caller: caller, line: line, request: request)
        }
        return Acknowledgement(status: applied ? "ok" : "duplicate", call_id: event.call_id)
    }
}
