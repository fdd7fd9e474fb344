import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

enum DuplicateViews {
    struct Card {
        let name: String
        let worker: Worker
        let phones: [String]
        let contacts: Int
    }

    struct Group {
        let reasons: Set<DuplicateFinder.Reason>
        let workers: [Card]
    }

    static func render(_ groups: [Group], _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .group(
            .p(.text(t("duplicates.explain"))),
            .if(groups.isEmpty, .p(.class("empty"), .text(t("duplicates.empty")))),
            .forEach(groups) { group in
                .section(.class("card"),
                    .h2(.text(group.reasons.map { t("duplicates.reason.\($0.rawValue)") }.sorted().joined(separator: "、"))),
                    Forms.post(IntakeRoute.merge.path, page,
                        .forEach(group.workers) { card in Forms.hidden("workers[]", card.worker.id!.uuidString) },
                        Forms.radios("survivor", options: group.workers.map { card in
                            (card.worker.id!.uuidString,
                             ([card.name] + card.phones + [card.worker.currentCity, card.worker.employer].compactMap { $0 }
                              + [t("duplicates.contacts", String(card.contacts)), t.date(card.worker.createdAt)])
                                .joined(separator: " · "))
                        }, selected: nil, errors: ValidationErrors(), t),
                        .div(.class("field check"),
                             .input(.type(.checkbox), .name("confirm"), .value("on"), .required(true),
                                    .id("confirm-\(group.workers[0].worker.id!.uuidString)")),
                             .label(.for("confirm-\(group.workers[0].worker.id!.uuidString)"), .text(t("duplicates.confirm")))),
                        .button(.type(.submit), .class("danger"), .text(t("duplicates.merge")))))
            })
    }
}
