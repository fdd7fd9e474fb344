import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// What a ringing call shows on the operators' open pages: who is calling, what happened before
/// (without summaries: the notice may reach several people), and a link to record the call.
enum ScreenPop {
    struct Notice: Encodable {
        let title: String
        let workers: [String]
        let callbacks: String?
        let history: [String]
        let url: String
        let action: String
    }

    static func push(_ event: TelephonyEvent, caller: PhoneNumber, line: TelephonyLine, request: Request) async throws {
        var lookups: [Language: PhoneLookup] = [:]
        for language in Language.allCases {
            lookups[language] = try await PhoneLookup.find(caller, ngoID: line.ngoID, language: language,
                                                           cipher: request.application.fieldCipher,
                                                           mayReadFully: { _ in false }, on: request.db)
        }
        let url = queryLink(IntakeRoute.intake.path, [("call", event.call_id)])
        request.application.screenPop.ring(officeID: line.officeID, agent: event.agent, event: "ring") { language in
            let notice = Self.notice(lookups[language]!, line: line, url: url, t: Localizer(language))
            let data = (try? JSONEncoder().encode(notice)) ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self)
        }
    }

    static func notice(_ lookup: PhoneLookup, line: TelephonyLine, url: String, t: Localizer) -> Notice {
        Notice(
            title: t("screenpop.title", lookup.phone.masked, line.name),
            workers: lookup.workers.isEmpty ? [t("hotline.unknown_number")] : lookup.workers.map { worker in
                ([worker.name, t("gender.\(worker.gender.rawValue)"), worker.currentCity, worker.employer].compactMap { $0 })
                    .joined(separator: " · ")
            },
            callbacks: lookup.openCallbacks.isEmpty ? nil : t("hotline.open_callbacks", String(lookup.openCallbacks.count)),
            history: lookup.history.prefix(5).map { line in
                "\(line.number) · \(t.dateTime(line.startedAt)) · \(line.topics.joined(separator: "、")) → \(t("outcome.\(line.outcome.rawValue)"))"
            },
            url: url,
            action: t("screenpop.record"))
    }
}
