import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot

/// The documents generated from a case, in Chinese, for A4 paper: the people's mediation agreement
/// (the parts People's Mediation Law art. 29 requires), the labour arbitration application, and a
/// summary for a volunteer lawyer. They render from the case as it is when asked.
enum CaseDocuments {
    enum Kind: String, CaseIterable {
        case mediationAgreement = "mediation-agreement", arbitrationApplication = "arbitration-application"
        case lawyerSummary = "lawyer-summary"

        var title: String {
            switch self {
            case .mediationAgreement: "人民调解协议书"
            case .arbitrationApplication: "劳动人事争议仲裁申请书"
            case .lawyerSummary: "个案摘要（供志愿律师）"
            }
        }
    }

    /// Everything a document needs: the case page's model, and the agreement for an agreement.
    struct Source {
        let model: CasePageModel
        let committee: MediationCommittee?
        let agreement: CaseMediation.AgreementLine?
        let officeName: String
    }

    static func render(_ kind: Kind, _ source: Source) -> Node<HTML.BodyContext> {
        let body: Node<HTML.BodyContext> = switch kind {
        case .mediationAgreement: agreement(source)
        case .arbitrationApplication: arbitration(source)
        case .lawyerSummary: summary(source)
        }
        return .article(.class("document a4"), .attribute(named: "lang", value: "zh-CN"), .h1(.text(kind.title)), body)
    }

    private static func workers(_ model: CasePageModel) -> Node<HTML.BodyContext> {
        .table(.class("parties"), .tr(.th(.text("姓名")), .th(.text("联系电话")), .th(.text("公民身份号码"))),
               .forEach(model.workers) { row in
                   .tr(.td(.text(row.name)), .td(.text(row.maskedPhone ?? "")), .td(.class("blank"), .text("")))
               })
    }

    private static func respondents(_ model: CasePageModel) -> Node<HTML.BodyContext> {
        .table(.class("parties"), .tr(.th(.text("名称")), .th(.text("统一社会信用代码")), .th(.text("地址")), .th(.text("法定代表人"))),
               .forEach(model.respondents) { respondent in
                   .tr(.td(.text(respondent.employer.name)), .td(.text(respondent.employer.creditCode ?? "")),
                       .td(.text(respondent.employer.address ?? "")), .td(.class("blank"), .text("")))
               })
    }

    private static func agreement(_ source: Source) -> Node<HTML.BodyContext> {
        let model = source.model
        guard let line = source.agreement else { return .p(.text("未找到调解协议。")) }
        let claims = Dictionary(uniqueKeysWithValues: model.claims.map { ($0.id!, $0) })
        let agreement = line.agreement
        return .group(
            .p(.class("number"), .text("编号：\(agreement.number)　　\(source.committee?.name ?? source.officeName + "人民调解委员会")")),
            .h2(.text("一、当事人基本情况")),
            .p(.text("申请人（劳动者）：")), workers(model),
            .p(.text("被申请人（用人单位及承包方）：")), respondents(model),
            .p(.class("prose"), .text(agreement.parties)),
            .h2(.text("二、纠纷的主要事实、争议事项及各方责任")),
            .p(.class("prose"), .text(agreement.facts)),
            .h2(.text("三、协议内容")),
            .p(.class("prose"), .text(agreement.terms)),
            .table(.class("terms"), .tr(.th(.text("劳动者")), .th(.text("项目")), .th(.text("金额"))),
                   .forEach(line.terms) { term in
                       .tr(.td(.text(claims[term.claimID].flatMap { model.workerName($0.workerID) } ?? "")),
                           .td(.text(claims[term.claimID].map { Catalogue.bundled.text("claim_head.\($0.head.rawValue)", .zhHans) } ?? "")),
                           .td(.text(Money(fen: term.amountFen).formatted)))
                   }),
            .h2(.text("四、履行方式和期限")),
            .if(line.instalments.isEmpty, .p(.text("一次性支付。")),
                else: .ol(.forEach(line.instalments) { instalment in
                    .li(.text("\(instalment.dueOn) 前支付 \(instalment.amount.formatted)"))
                })),
            .p(.text("本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效（\(agreement.effectiveOn)）。"
                     + "当事人可自协议生效之日起三十日内共同向人民法院申请司法确认。")),
            signatures(["当事人（签名、盖章或按指印）", "人民调解员（签名）", "人民调解委员会（印章）"]))
    }

    private static func arbitration(_ source: Source) -> Node<HTML.BodyContext> {
        let model = source.model
        let found = model.case
        return .group(
            .h2(.text("申请人")), workers(model),
            .if(model.workers.count >= 10, .p(.text("申请人人数十人以上，推举代表人参加仲裁活动。代表人：__________"))),
            .h2(.text("被申请人")), respondents(model),
            .h2(.text("仲裁请求")),
            .ol(.forEach(model.ledger.lines) { line in
                .li(.text("裁决被申请人支付\(model.workerName(line.claim.workerID) ?? "")"
                          + "\(Catalogue.bundled.text("claim_head.\(line.claim.head.rawValue)", .zhHans)) \(line.claim.claimed.formatted)；"))
            }),
            .p(.text("以上合计 \(model.ledger.total.claimed.formatted)。")),
            .h2(.text("事实与理由")),
            .p(.text(dates(found))),
            .p(.class("prose"), .text(model.caseSummary)),
            .p(.text("此致")), .p(.text("__________劳动人事争议仲裁委员会")),
            signatures(["申请人（签名）", "日期"]))
    }

    private static func summary(_ source: Source) -> Node<HTML.BodyContext> {
        let model = source.model
        let found = model.case
        let t = Localizer(.zhHans)
        return .group(
            .dl(t.detail("field.case_number", found.number), t.detail("field.title", model.caseTitle),
                t.detail("field.status", t("status.\(found.status.rawValue)")),
                t.detail("field.dispute_types", found.disputeTypes.map { t("dispute.\($0.rawValue)") }.joined(separator: "、")),
                t.detail("cases.workers", String(model.workers.count)),
                t.detail("ledger.claimed", model.ledger.total.claimed.formatted),
                t.detail("ledger.paid", model.ledger.total.paid.formatted)),
            .p(.text(dates(found))),
            .h2(.text("被申请人")), respondents(model),
            .h2(.text("期限")),
            .ul(.forEach(model.mediation.deadlines) { deadline in
                .li(.text("\(t("law_item.\(deadline.line.item)"))：\(LegalLineView.value(deadline.line, t))（\(t("deadline_state.\(deadline.state.rawValue)"))；\(LegalLineView.statute(deadline.line, t))）"))
            }),
            .h2(.text("案情")), .p(.class("prose"), .text(model.caseSummary)),
            .h2(.text("最近记录")),
            .ul(.forEach(model.events.prefix(20)) { event in
                .li(.text("\(t.date(event.occurredAt)) \(t("timeline.\(event.kind.rawValue)"))：\(EventText.localized(model.eventTexts[event.id!] ?? "", t))"))
            }))
    }

    private static func dates(_ found: Case) -> String {
        [("入职日期", found.employmentStart), ("离职日期", found.employmentEnd), ("最后一次发薪日", found.lastPayday),
         ("知道权利受侵害之日", found.knewOn), ("受伤或确诊日期", found.injuryOn)]
            .compactMap { label, value in value.map { "\(label)：\($0)" } }.joined(separator: "；")
    }

    private static func signatures(_ labels: [String]) -> Node<HTML.BodyContext> {
        .div(.class("signatures"), .forEach(labels) { label in .p(.text("\(label)：____________________")) })
    }
}
