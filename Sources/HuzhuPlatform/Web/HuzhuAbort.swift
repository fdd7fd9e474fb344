import HuzhuCore
import SQLiteNIO
import Vapor

/// An error a user is meant to read: an HTTP status and the catalogue key of its message.
package struct HuzhuAbort: AbortError, Sendable {
    package let status: HTTPResponseStatus
    package let messageKey: String
    package let arguments: [String]

    package init(_ status: HTTPResponseStatus, _ messageKey: String, _ arguments: String...) {
        self.status = status
        self.messageKey = messageKey
        self.arguments = arguments
    }

    package var reason: String { messageKey }

    /// No such record, or none the person may know of.
    package static let notFound = HuzhuAbort(.notFound, "error.not_found")

    /// The machine-readable code of the JSON error: the key without its `error.` namespace.
    package var code: String {
        messageKey.hasPrefix("error.") ? String(messageKey.dropFirst("error.".count)) : messageKey
    }

    /// What any thrown error means to the user: our own errors as they are, the framework's by status.
    /// Unknown errors are internal: their details go to the log, never to the page.
    package static func from(_ error: any Error) -> HuzhuAbort {
        if let error = error as? HuzhuAbort { return error }
        if let error = error as? any AbortError {
            switch error.status {
            case .notFound: return HuzhuAbort.notFound
            case .payloadTooLarge: return HuzhuAbort(.payloadTooLarge, "error.too_large")
            case .unsupportedMediaType: return HuzhuAbort(.unsupportedMediaType, "error.unsupported_media_type")
            case .methodNotAllowed: return HuzhuAbort(.methodNotAllowed, "error.method_not_allowed")
            case .unauthorized: return HuzhuAbort(.unauthorized, "error.unauthenticated")
            case .forbidden: return HuzhuAbort(.forbidden, "error.forbidden")
            case let status where status.code < 500: return HuzhuAbort(.badRequest, "error.bad_request")
            default: break
            }
        }
        if error is DecodingError { return HuzhuAbort(.badRequest, "error.bad_request") }
        // Another write held the embedded database at that moment: nothing was saved, and trying again
        // will work. Said as such (503), not as a server fault.
        if let error = error as? SQLiteError, [.busy, .busyInSnapshot, .busyInRecovery, .busyTimeout, .locked].contains(error.reason) {
            return HuzhuAbort(.serviceUnavailable, "error.busy")
        }
        return HuzhuAbort(.internalServerError, "error.internal")
    }
}
