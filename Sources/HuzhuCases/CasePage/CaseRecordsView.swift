import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Plot

/// A case's evidence files and its timeline, with the forms that add to them.
enum CaseRecordsView {
    static func files(_ model: CasePageModel, form: CaseForm, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .section(.class("card"), .id("files"), .h2(.text(t("case.files"))),
            .if(model.files.isEmpty, .p(.class("empty"), .text(t("case.no_files")))),
            .ul(.forEach(model.files) { file in
                let caption = model.fileCaptions[file.id!] ?? ""
                return .li(.a(.href(CasesRoute.file(.of(file.id!)).path), .text(model.fileNames[file.id!] ?? "")),
                    .text(" · \(caption.isEmpty ? "" : caption + " · ")\(ByteText.text(file.sizeBytes)) · \(t.date(file.uploadedAt))"))
            }),
            .if(model.access.mayWork, .form(.method(.post), .action(CasesRoute.files(.of(model.case.id!)).path),
                .enctype(.multipartData), Forms.csrf(page.csrf),
                .div(.class(form.errors.messageKey(for: "file") == nil ? "field" : "field invalid"),
                     .label(.for("field-file"), .text(t("field.file"))),
                     .input(.type(.file), .id("field-file"), .name("file"), .required(true),
                            .attribute(named: "accept", value: "image/*,application/pdf")),
                     .p(.class("hint"), .text(t("case.file_hint"))),
                     .unwrap(form.errors.messageKey(for: "file")) { .p(.class("error"), .text(t($0))) }),
                Forms.text("description", value: form["description"], errors: form.errors, t, required: false),
                Forms.submit(t("case.upload")))))
    }

    static func timeline(_ model: CasePageModel, form: CaseForm, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let path = CasesRoute.casePage(.of(model.case.id!)).path
        return .section(.class("card"), .id("timeline"), .h2(.text(t("case.timeline"))),
            .if(model.access.mayWork, form.action(t("case.add_note"), CasesRoute.notes(.of(model.case.id!)).path, page,
                Forms.radios("note_kind", options: [("note", t("timeline.note")), ("call", t("timeline.call"))],
                             selected: form["note_kind"] ?? "note", errors: form.errors, t),
                Forms.textarea("text", value: form["text"], errors: form.errors, t, rows: 2),
                Forms.submit(t("case.add_note")))),
            .if(model.access.mayManage, form.action(t("case.link_contact"), CasesRoute.caseContacts(.of(model.case.id!)).path, page,
                Forms.text("contact_number", value: form["contact_number"], errors: form.errors, t, hint: t("case.contact_number_hint")),
                Forms.submit(t("case.link_contact")))),
            .p(.class("tools"),
               .a(.href(path + "#timeline"), .if(model.timelineGroup == nil, .attribute(named: "aria-current", value: "page")),
                  .text(t("timeline.all"))),
               .forEach(CaseEvent.Kind.groups) { group in
                   .group(.text(" · "), .a(.href("\(path)?timeline=\(group)#timeline"),
                                           .if(model.timelineGroup == group, .attribute(named: "aria-current", value: "page")),
                                           .text(t("timeline_group.\(group)"))))
               }),
            .ol(.class("timeline"), .forEach(model.events) { event in
                .li(.class("event \(event.kind.rawValue)"),
                    .span(.class("when"), .text(t.dateTime(event.occurredAt))),
                    .text(" · \(event.actorID.flatMap { model.names[$0] } ?? "—") · "),
                    .strong(.text(t("timeline.\(event.kind.rawValue)"))),
                    .unwrap(event.status) { .text(" → \(t("status.\($0.rawValue)"))") },
                    .unwrap(event.closingCode) { .text(" (\(t("closing.\($0.rawValue)")))") },
                    .unwrap(event.effectiveOn) { .text(" · \($0)") },
                    .text(": "), link(event, text: EventText.localized(model.eventTexts[event.id!] ?? "", t), model))
            }),
            .if(model.events.count == CasePageQuery.timelineLimit, .p(.class("hint"), .text(t("case.timeline_truncated")))))
    }

    /// The event's text, linked to what it is about where the reader may open that.
    private static func link(_ event: CaseEvent, text: String, _ model: CasePageModel) -> Node<HTML.BodyContext> {
        switch (event.kind, event.refID) {
        case (.contact, let id?) where model.mayReadWorkers: .a(.href(IntakeRoute.contact(.of(id)).path), .text(text))
        case (.document, let id?): .a(.href(CasesRoute.file(.of(id)).path), .text(text))
        case (.respondent, let id?) where model.mayReadEmployers: .a(.href(CasesRoute.employer(.of(id)).path), .text(text))
        default: .span(.class("prose"), .text(text))
        }
    }
}

/// Event texts begin with a claim head's code where they are about money (`unpaid_wages ¥800.00`);
/// it is shown in the reader's language.
enum EventText {
    static func localized(_ text: String, _ t: Localizer) -> String {
        guard let space = text.firstIndex(of: " "), let head = ClaimHead(rawValue: String(text[..<space])) else { return text }
        return t("claim_head.\(head.rawValue)") + text[space...]
    }
}

/// `1.2 MB`, `340 KB`.
enum ByteText {
    static func text(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : "\(max(bytes / 1024, 1)) KB"
    }
}
