import Foundation
import Vapor

/// How Huzhu reaches the SMS gateway (Kannel's HTTP `sendsms` interface) and how the gateway reaches
/// Huzhu back (replies and delivery reports). Without `HUZHU_SMS_URL` messages are recorded as not sent,
/// with the reason (a dry run).
package struct SMSGatewaySettings: Sendable, Equatable {
    /// Kannel's `sendsms` address, e.g. `http://127.0.0.1:13013/cgi-bin/sendsms` (`HUZHU_SMS_URL`).
    package var sendURL: String?
    /// The `sendsms-user` Huzhu sends as (`HUZHU_SMS_USER`, `HUZHU_SMS_PASSWORD`).
    package var user = ""
    package var password = ""
    /// The sender number, if the gateway does not set one (`HUZHU_SMS_FROM`).
    package var from: String?
    /// The secret in the addresses the gateway calls (`HUZHU_SMS_SECRET`); without it, they answer 404.
    package var secret: String?
    /// Where the gateway reaches Huzhu, for delivery reports (`HUZHU_SMS_CALLBACK_URL`, e.g. `http://10.0.0.5:8080`).
    package var callbackURL: String?
    /// The only addresses the gateway calls from, when set (`HUZHU_SMS_GATEWAY_ADDRESSES`, comma-separated).
    package var gatewayAddresses: [String] = []
    /// Messages handed to the gateway a second at most (`HUZHU_SMS_PER_SECOND`, 10).
    package var perSecond = 10

    package init() {}

    init(environment: [String: String]) throws(ConfigurationError) {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        sendURL = value("HUZHU_SMS_URL")
        user = value("HUZHU_SMS_USER") ?? ""
        password = value("HUZHU_SMS_PASSWORD") ?? ""
        from = value("HUZHU_SMS_FROM")
        secret = value("HUZHU_SMS_SECRET")
        callbackURL = value("HUZHU_SMS_CALLBACK_URL")
        gatewayAddresses = value("HUZHU_SMS_GATEWAY_ADDRESSES")?.split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } ?? []
        if let raw = value("HUZHU_SMS_PER_SECOND") {
            guard let rate = Int(raw), (1...1000).contains(rate) else {
                throw .malformedChoice(name: "HUZHU_SMS_PER_SECOND", value: raw, choices: "a whole number from 1 to 1000")
            }
            perSecond = rate
        }
        if let secret, secret.count < 16 {
            throw .malformedChoice(name: "HUZHU_SMS_SECRET", value: "…", choices: "at least 16 random characters")
        }
        for (name, url) in [("HUZHU_SMS_URL", sendURL), ("HUZHU_SMS_CALLBACK_URL", callbackURL)] {
            if let url, URL(string: url)?.scheme?.hasPrefix("http") != true {
                throw .malformedChoice(name: name, value: url, choices: "an http:// or https:// address")
            }
        }
    }
}

extension Application {
    private struct SMSGatewayKey: StorageKey { typealias Value = SMSGatewaySettings }

    package var smsGateway: SMSGatewaySettings {
        get { storage[SMSGatewayKey.self] ?? SMSGatewaySettings() }
        set { storage[SMSGatewayKey.self] = newValue }
    }
}
