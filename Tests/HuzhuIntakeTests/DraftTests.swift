import Foundation
import HuzhuCore
@testable import HuzhuIntake
import Testing

@Suite("Intake forms")
struct DraftTests {
    let now = Date(timeIntervalSince1970: 1_795_278_600)  // 2026-11-22 00:30 in Beijing
    let topic = UUID()

    func contact(_ changes: (inout ContactDraft) -> Void) -> ContactDraft {
        var draft = ContactDraft()
        draft.channel = "hotline"
        draft.topics = [topic.uuidString]
        draft.summary = "欠薪"
        draft.outcome = "advice"
        draft.subject = "anonymous"
        changes(&draft)
        return draft
    }

    @Test("A minimal anonymous contact is valid and starts now")
    func minimal() throws {
        let values = try contact { _ in }.command(worker: WorkerDraft()).check(activeTopics: [topic], now: now)
        #expect(values.startedAt == now)
        #expect(!values.startTyped)
        #expect(values.topicIDs == [topic])
    }

    @Test("Times are read in Beijing; the future and unknown topics are refused")
    func times() throws {
        let typed = try contact { $0.started_at = "2026-11-21T23:50" }.command(worker: WorkerDraft()).check(activeTopics: [topic], now: now)
        #expect(typed.startedAt == now.addingTimeInterval(-40 * 60))
        #expect(throws: ValidationErrors([FieldError("started_at", "error.time_invalid")])) {
            try contact { $0.started_at = "2026-11-22T09:00" }.command(worker: WorkerDraft()).check(activeTopics: [topic], now: now)
        }
        #expect(throws: ValidationErrors([FieldError("topics", "error.topics_required")])) {
            try contact { $0.topics = [UUID().uuidString] }.command(worker: WorkerDraft()).check(activeTopics: [topic], now: now)
        }
    }

    @Test("A new worker gets the looked-up number even if the operator did not retype it")
    func lookedUpPhone() throws {
        var worker = WorkerDraft()
        worker.full_name = "张三"
        let values = try contact {
            $0.subject = "new"
            $0.phone = "13800138000"
        }.command(worker: worker).check(activeTopics: [topic], now: now)
        guard case .new(let created) = values.subject else { Issue.record("not a new worker"); return }
        #expect(created.phones.map(\.digits) == ["13800138000"])
    }

    @Test("A callback needs a number to call")
    func callbackNeedsPhone() {
        #expect(throws: ValidationErrors([FieldError("outcome", "error.callback_needs_phone")])) {
            try contact { $0.outcome = "callback" }.command(worker: WorkerDraft()).check(activeTopics: [topic], now: now)
        }
    }

    @Test("Worker fields: several phones, ID number gives the birth year, bad values named")
    func worker() throws {
        var draft = WorkerDraft()
        draft.full_name = " 李四 "
        draft.phones = "13800138000，010-62345678; 13800138000"
        draft.id_number = "110101199003074258"
        let values = try draft.command.check(today: CalendarDate(now))
        #expect(values.name == "李四")
        #expect(values.phones.map(\.digits) == ["13800138000", "01062345678"])
        #expect(values.birthYear == 1990)
        draft.birth_year = "1850"
        draft.gender = "robot"
        #expect(throws: ValidationErrors([FieldError("gender", "error.choice_invalid"), FieldError("birth_year", "error.birth_year")])) {
            try draft.command.check(today: CalendarDate(self.now))
        }
    }

    @Test("Column headers in Chinese or English are recognised")
    func mappingGuess() {
        let mapping = ColumnMapping.guess(headers: ["序号", "姓名", "手机号码", "性别", "工作单位", "Notes"])
        #expect(mapping.column("full_name") == 1)
        #expect(mapping.column("phones") == 2)
        #expect(mapping.column("gender") == 3)
        #expect(mapping.column("employer") == 4)
        #expect(mapping.column("notes") == 5)
        #expect(mapping.column("id_number") == nil)
        #expect(WorkerImport.gender("女") == "female")
    }
}
