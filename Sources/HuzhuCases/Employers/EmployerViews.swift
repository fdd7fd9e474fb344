import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot

/// The employers list, one employer's page, its form, and the duplicates to merge.
enum EmployerViews {
    static func list(_ employers: [Employer], q: String?, mayMerge: Bool, mayAdd: Bool,
                     _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .group(
            .p(.class("tools"),
               .if(mayAdd, .a(.class("button"), .href(CasesRoute.newEmployer.path), .text(t("employers.new")))),
               .if(mayMerge, .a(.class("button"), .href(CasesRoute.employerDuplicates.path), .text(t("employers.duplicates"))))),
            .form(.class("filters"), .method(.get), .action(CasesRoute.employers.path),
                  Forms.text("q", value: q, errors: ValidationErrors(), t, required: false, hint: t("employers.q_hint")),
                  .div(.class("actions"), .button(.type(.submit), .text(t("list.filter"))))),
            .if(employers.isEmpty, .p(.class("empty"), .text(t("employers.empty")))),
            .if(!employers.isEmpty, .table(.class("stack"),
                .thead(.tr(.th(.text(t("field.name"))), .th(.text(t("field.credit_code"))), .th(.text(t("field.city"))))),
                .tbody(.forEach(employers) { employer in
                    .tr(.td(.attribute(named: "data-label", value: t("field.name")),
                            .a(.href(CasesRoute.employer(.of(employer.id!)).path), .text(employer.name))),
                        .td(.attribute(named: "data-label", value: t("field.credit_code")), .text(employer.creditCode ?? "—")),
                        .td(.attribute(named: "data-label", value: t("field.city")), .text(employer.city ?? "—")))
                }))))
    }

    static func form(_ draft: EmployerDraft, action: String, errors: ValidationErrors, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .group(Forms.errorSummary(errors, t), Forms.post(action, page,
            Forms.text("name", value: draft.name, errors: errors, t),
            Forms.text("credit_code", value: draft.credit_code, errors: errors, t, required: false, hint: t("employers.credit_code_hint")),
            Forms.text("address", value: draft.address, errors: errors, t, required: false),
            Forms.text("city", value: draft.city, errors: errors, t, required: false),
            Forms.text("industry", value: draft.industry, errors: errors, t, required: false),
            Forms.textarea("contacts", value: draft.contacts, errors: errors, t, required: false),
            Forms.submit(t("form.save"))))
    }

    static func page(_ employer: Employer, chain: EmployerChain, cases: [(found: Case, label: String)], roles: [UUID: ChainRole],
                     _ page: PageContext, errors: ValidationErrors = ValidationErrors()) -> Node<HTML.BodyContext> {
        let t = page.t
        func steps(_ steps: [EmployerChain.Step]) -> Node<HTML.BodyContext> {
            .ul(.forEach(steps) { step in
                .li(.class("depth-\(min(step.depth, 6))"),
                    .a(.href(CasesRoute.employer(.of(step.employer.id!)).path), .text(step.employer.name)),
                    .text(" · \(t("link_kind.\(step.kind.rawValue)"))"))
            })
        }
        return .group(
            Forms.errorSummary(errors, t),
            .section(.class("card"),
                .dl(t.detail("field.credit_code", employer.creditCode), t.detail("field.address", employer.address),
                    t.detail("field.city", employer.city), t.detail("field.industry", employer.industry),
                    t.detail("field.contacts", employer.contacts)),
                .p(.class("actions"), .a(.class("button"), .href(CasesRoute.editEmployer(.of(employer.id!)).path),
                                         .text(t("employers.edit"))))),
            .section(.class("card"), .id("chain"), .h2(.text(t("employers.chain"))),
                .h3(.text(t("employers.above"))),
                .if(chain.above.isEmpty, .p(.class("empty"), .text("—")), else: steps(chain.above)),
                .h3(.text(t("employers.below"))),
                .if(chain.below.isEmpty, .p(.class("empty"), .text("—")), else: steps(chain.below)),
                Forms.post(CasesRoute.employerLinks(.of(employer.id!)).path, page,
                    Forms.text("other_name", value: nil, errors: errors, t),
                    Forms.radios("direction", options: [("above", t("employers.link_above")), ("below", t("employers.link_below"))],
                                 selected: "above", errors: errors, t),
                    Forms.select("kind", options: EmployerLink.Kind.allCases.map { ($0.rawValue, t("link_kind.\($0.rawValue)")) },
                                 selected: EmployerLink.Kind.contracts.rawValue, errors: errors, t),
                    Forms.submit(t("employers.add_link")))),
            .section(.class("card"), .id("cases"), .h2(.text(t("employers.cases"))),
                .p(.a(.href(queryLink(CasesRoute.cases.path, [("employer", employer.id!.uuidString)]).attributeEscaped),
                      .text(t("employers.cases_in_list")))),
                .if(cases.isEmpty, .p(.class("empty"), .text(t("cases.empty")))),
                .ul(.forEach(cases) { found, label in
                    .li(.a(.href(CasesRoute.casePage(.of(found.id!)).path), .text(label)),
                        .text(" · \(t("status.\(found.status.rawValue)"))"),
                        .unwrap(roles[found.id!]) { .text(" · \(t("chain_role.\($0.rawValue)"))") })
                })))
    }

    static func duplicates(_ groups: [[Employer]], _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .group(
            .if(groups.isEmpty, .p(.class("empty"), .text(t("employers.no_duplicates")))),
            .forEach(groups) { group in
                .section(.class("card"), Forms.post(CasesRoute.mergeEmployers.path, page,
                    .forEach(group) { employer in Forms.hidden("employers[]", employer.id!.uuidString) },
                    Forms.radios("survivor", options: group.map { employer in
                        (employer.id!.uuidString, [employer.name, employer.creditCode, employer.city].compactMap { $0 }.joined(separator: " · "))
                    }, selected: group[0].id!.uuidString, errors: ValidationErrors(), t),
                    Forms.submit(t("employers.merge"))))
            })
    }
}
