import Foundation
import Vapor

/// One call event as a PBX or telephony provider posts it (documented in the OpenAPI document).
struct TelephonyEvent: Content {
    enum Kind: String, Codable {
        case ringing, answered, ended, missed
    }

    var event: Kind
    /// The provider's id of the call; events of one call share it.
    var call_id: String
    /// The caller's number as the network gives it (`+8613800138000`).
    var caller: String
    /// The called line: one of the office's registered hotline numbers.
    var line: String
    /// The login of the operator the call is routed to, if the PBX knows it.
    var agent: String?
    /// When it happened, ISO 8601 with a zone.
    var time: Date
}
