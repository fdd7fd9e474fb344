import Fluent
import Foundation
import HuzhuPlatform
import Plot
import Vapor

/// How later features add to the intake's pages and acts without intake knowing them: a card on a
/// worker's page (their cases), a link on a contact's page (open a case from it), and a step of a merge
/// (re-point the merged workers' cases), a tool above the list of workers (their groups and trainings).
package typealias WorkerSection = @Sendable (Request, Worker) async throws -> Node<HTML.BodyContext>?
package typealias ContactAction = @Sendable (Request, Contact) -> (path: String, titleKey: String)?
package typealias WorkerListTool = @Sendable (Request) -> (path: String, titleKey: String)?
/// Lines later features add under each worker a phone lookup found (their cases), in the reader's language.
package typealias WorkerLookupLines = @Sendable (_ workers: [UUID], _ ngo: UUID, Localizer, FieldCipher, any Database) async throws -> [UUID: [String]]

extension Application {
    private struct WorkerSectionsKey: StorageKey { typealias Value = [WorkerSection] }
    private struct ContactActionsKey: StorageKey { typealias Value = [ContactAction] }
    private struct WorkerMergeStepsKey: StorageKey { typealias Value = [MergeStep] }
    private struct WorkerLookupLinesKey: StorageKey { typealias Value = [WorkerLookupLines] }
    private struct WorkerListToolsKey: StorageKey { typealias Value = [WorkerListTool] }

    package var workerListTools: [WorkerListTool] {
        get { storage[WorkerListToolsKey.self] ?? [] }
        set { storage[WorkerListToolsKey.self] = newValue }
    }

    package var workerLookupLines: [WorkerLookupLines] {
        get { storage[WorkerLookupLinesKey.self] ?? [] }
        set { storage[WorkerLookupLinesKey.self] = newValue }
    }

    package var workerSections: [WorkerSection] {
        get { storage[WorkerSectionsKey.self] ?? [] }
        set { storage[WorkerSectionsKey.self] = newValue }
    }

    package var contactActions: [ContactAction] {
        get { storage[ContactActionsKey.self] ?? [] }
        set { storage[ContactActionsKey.self] = newValue }
    }

    package var workerMergeSteps: [MergeStep] {
        get { storage[WorkerMergeStepsKey.self] ?? [] }
        set { storage[WorkerMergeStepsKey.self] = newValue }
    }
}
