import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

enum ImportViews {
    static func upload(error: String?, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .group(
            .p(.text(t("import.explain"))),
            .unwrap(error) { .div(.class("notice error"), .attribute(named: "role", value: "alert"), .text(t($0))) },
            .form(.method(.post), .action(IntakeRoute.importWorkers.path), .enctype(.multipartData),
                  Forms.csrf(page.csrf),
                  .div(.class("field"),
                       .label(.for("field-file"), .text(t("field.file"))),
                       .input(.type(.file), .id("field-file"), .name("file"), .required(true),
                              Attribute(name: "accept", value: ".csv,text/csv"))),
                  Forms.submit(t("import.upload"))))
    }

    static func mapping(_ batch: ImportBatch, rows: Int, headers: [String], sample: [[String]], mapping: ColumnMapping,
                        plan: WorkerImport.Plan?, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let columns = headers.enumerated().map { (String($0.offset), $0.element.isEmpty ? "#\($0.offset + 1)" : $0.element) }
        let selects: [Node<HTML.FormContext>] = ColumnMapping.fields.map { field in
            Forms.select("map_\(field)", options: columns, selected: mapping.columns[field], errors: ValidationErrors(), t,
                         required: false)
        }
        let path = IntakeRoute.importBatch(.of(batch.id!)).path
        return .group(
            .p(.text(t("import.file", batch.fileName, String(rows)))),
            .table(.class("sample"),
                .thead(.tr(.forEach(headers) { .th(.text($0)) })),
                .tbody(.forEach(sample) { row in .tr(.forEach(row) { .td(.text($0)) }) })),
            .h2(.text(t("import.mapping"))),
            .form(.method(.get), .action(path), .group(selects), Forms.hidden("preview", "1"),
                  .div(.class("actions"), .button(.type(.submit), .text(t("import.preview"))))),
            .unwrap(plan) { plan in
                .section(.class("card"),
                    .h2(.text(t("import.preview"))),
                    summary(plan, t),
                    .if(!plan.problems.isEmpty, problems(plan, t)),
                    .if(!plan.valid.isEmpty && batch.importedAt == nil,
                        .form(.method(.post), .action(path), Forms.csrf(page.csrf),
                              .forEach(mapping.queryItems) { item in Forms.hidden(item.name, item.value ?? "") },
                              .button(.type(.submit), .class("primary"), .text(t("import.commit", String(plan.valid.count)))))))
            })
    }

    static func report(_ plan: WorkerImport.Plan, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .group(
            .div(.class("notice done"), .attribute(named: "role", value: "status"), .text(t("import.done", String(plan.valid.count)))),
            summary(plan, t),
            .if(!plan.problems.isEmpty, problems(plan, t)),
            .p(.a(.href(IntakeRoute.workers.path), .text(t("workers.title")))))
    }

    private static func summary<C: HTML.BodyContext>(_ plan: WorkerImport.Plan, _ t: Localizer) -> Node<C> {
        .ul(.li(.text(t("import.valid", String(plan.valid.count)))),
            .li(.text(t("import.problems", String(plan.problems.count)))),
            .li(.text(t("import.known", String(plan.known.count)) + lines(plan.known))),
            .li(.text(t("import.repeated", String(plan.repeated.count)) + lines(plan.repeated))))
    }

    /// Every row with a problem (the first thousand listed, the rest counted).
    private static func problems<C: HTML.BodyContext>(_ plan: WorkerImport.Plan, _ t: Localizer) -> Node<C> {
        .group(
            .table(.class("stack"),
                .thead(.tr(.th(.text(t("import.line"))), .th(.text(t("import.what"))))),
                .tbody(.forEach(plan.problems.prefix(1000)) { problem in
                    .tr(.td(.attribute(named: "data-label", value: t("import.line")), .text(String(problem.line))),
                        .td(.attribute(named: "data-label", value: t("import.what")),
                            .text(problem.errors.map { "\(t("field.\($0.field)")): \(t($0.messageKey))" }.joined(separator: "；"))))
                })),
            .if(plan.problems.count > 1000, .p(.text(t("import.more_problems", String(plan.problems.count - 1000))))))
    }

    private static func lines(_ lines: [Int]) -> String {
        guard !lines.isEmpty else { return "" }
        let shown = lines.prefix(20).map(String.init).joined(separator: ", ")
        return " (" + shown + (lines.count > 20 ? ", …" : "") + ")"
    }
}
