import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// Training before duty: the NGO's courses, the courses each duty requires, volunteers' completions, and
/// the check that refuses a duty to a volunteer who lacks a course, naming it.
enum Training {
    static func createCourse(name raw: String, validityMonths rawMonths: String, in work: WorkContext) async throws -> Course {
        let ngo = try work.keptNGO()
        var errors = ValidationErrors()
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { errors.add("name", "error.required") } else if name.count > 100 { errors.add("name", "error.too_long") }
        let trimmed = rawMonths.trimmingCharacters(in: .whitespaces)
        let months = trimmed.isEmpty ? nil : Int(trimmed)
        if !trimmed.isEmpty, months.map({ !(1...120).contains($0) }) ?? true { errors.add("validity_months", "error.months_range") }
        if errors.isEmpty, try await Course.query(on: work.db).filter(\.$ngoID == ngo).filter(\.$name == name).count() > 0 {
            errors.add("name", "error.name_taken")
        }
        try errors.throwIfAny()
        let course = Course()
        course.ngoID = ngo
        course.name = name
        course.validityMonths = months
        course.createdAt = work.now
        try await work.write { work in
            try await course.create(on: work.db)
            try await work.audit(.createCourse, recordType: "course", recordID: course.id, ngoID: ngo)
        }
        return course
    }

    /// Makes a course required for a duty, across the NGO (once).
    static func require(_ rawCourse: String, for rawDuty: String, in work: WorkContext) async throws {
        let ngo = try work.keptNGO()
        var errors = ValidationErrors()
        let duty = Duty(rawValue: rawDuty)
        if duty == nil { errors.add("duty", "error.choice_invalid") }
        let course = try await UUID(uuidString: rawCourse).asyncMap { id in
            try await Course.query(on: work.db).filter(\.$id == id).filter(\.$ngoID == ngo).first()
        } ?? nil
        if course == nil { errors.add("course", "error.choice_invalid") }
        guard errors.isEmpty, let duty, let course else { throw errors }
        guard try await DutyRequirement.query(on: work.db).filter(\.$ngoID == ngo).filter(\.$duty == duty)
            .filter(\.$courseID == course.id!).count() == 0 else { return }
        let requirement = DutyRequirement()
        requirement.ngoID = ngo
        requirement.duty = duty
        requirement.courseID = course.id!
        try await work.write { work in
            try await requirement.create(on: work.db)
            try await work.audit(.requireCourse, recordType: "course", recordID: course.id, ngoID: ngo, detail: AuditDetail(duty))
        }
    }

    static func recordCompletion(of volunteer: Volunteer, form: [String: String], in work: WorkContext) async throws {
        var errors = ValidationErrors()
        let course = try await form["course"].flatMap(UUID.init(uuidString:)).asyncMap { id in
            try await Course.query(on: work.db).filter(\.$id == id).filter(\.$ngoID == volunteer.ngoID).first()
        } ?? nil
        if course == nil { errors.add("course", "error.choice_invalid") }
        let day = CalendarDate(iso: form["completed_on"] ?? "")
        if day == nil { errors.add("completed_on", "error.date_format") } else if day! > work.today { errors.add("completed_on", "error.date_in_future") }
        let trainer = (form["trainer"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if trainer.isEmpty { errors.add("trainer", "error.required") } else if trainer.count > 100 { errors.add("trainer", "error.too_long") }
        let passed: Bool? = switch form["result"] { case "passed": true; case "failed": false; default: nil }
        if passed == nil { errors.add("result", "error.choice_invalid") }
        guard errors.isEmpty, let course, let day, let passed else { throw errors }
        let completion = CourseCompletion()
        completion.ngoID = volunteer.ngoID
        completion.volunteerID = volunteer.id!
        completion.courseID = course.id!
        completion.completedOn = day
        completion.trainer = trainer
        completion.passed = passed
        completion.recordedBy = work.actor.userID
        try await work.write { work in
            try await completion.create(on: work.db)
            try await work.audit(.recordCompletion, recordType: "volunteer", recordID: volunteer.id, ngoID: volunteer.ngoID,
                                 detail: .record("course", course.id!))
        }
    }

    /// The required courses `volunteer` lacks for `duty` on `day`, with the courses' names.
    static func gaps(_ volunteer: Volunteer, for duty: Duty, on day: CalendarDate, db: any Database)
        async throws -> [(course: Course, gap: TrainingGate.Gap)] {
        try await gaps(volunteer, for: [duty], on: day, db: db)[duty] ?? []
    }

    /// The same for several duties, in three queries whatever their number.
    static func gaps(_ volunteer: Volunteer, for duties: [Duty], on day: CalendarDate, db: any Database)
        async throws -> [Duty: [(course: Course, gap: TrainingGate.Gap)]] {
        let required = try await DutyRequirement.query(on: db).filter(\.$ngoID == volunteer.ngoID).filter(\.$duty ~~ duties).all()
        guard !required.isEmpty else { return [:] }
        let courses = try await Course.query(on: db).filter(\.$id ~~ required.map(\.courseID)).sort(\.$name).all()
        let completions = try await CourseCompletion.query(on: db).filter(\.$volunteerID == volunteer.id!).all().map(\.gateCompletion)
        return Dictionary(uniqueKeysWithValues: duties.map { duty in
            let mine = courses.filter { course in required.contains { $0.duty == duty && $0.courseID == course.id } }
            let gaps = TrainingGate.gaps(required: mine.map(\.gateCourse), completions: completions, on: day)
            return (duty, gaps.compactMap { gap in mine.first { $0.id == gap.courseID }.map { ($0, gap) } })
        })
    }

    /// Refuses a duty on `day` to a volunteer who is not active or lacks a required course, saying which.
    static func ensureQualified(_ volunteer: Volunteer, for duty: Duty, on day: CalendarDate, db: any Database) async throws {
        guard volunteer.status == .active else { throw HuzhuAbort(.unprocessableEntity, "error.volunteer_not_active") }
        guard let (course, gap) = try await gaps(volunteer, for: duty, on: day, db: db).first else { return }
        switch gap {
        case .missing: throw HuzhuAbort(.unprocessableEntity, "error.course_missing", course.name)
        case .expired(_, let last): throw HuzhuAbort(.unprocessableEntity, "error.course_expired", course.name, last.description)
        }
    }
}

extension Optional {
    func asyncMap<T>(_ body: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await body(value)
    }
}
