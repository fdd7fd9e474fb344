import HuzhuPlatform

/// The intake feature's URLs.
package enum IntakeRoute: TypedRoute {
    case intake, intakeEvents
    case contacts, contact(RouteID)
    case workers, worker(RouteID), revealWorker(RouteID), editWorker(RouteID), duplicates, merge, importWorkers, importBatch(RouteID)
    case exportWorkers, workerExport(RouteID), workerErase(RouteID)
    case callbacks, callback(RouteID), callbackAttempt(RouteID)
    case topics, lines
    case apiContacts, apiContact(RouteID), apiWorkers, apiWorker(RouteID), apiLookup, apiCallbacks
    case apiTelephonyEvents

    package var path: String {
        switch self {
        case .intake: "/intake"
        case .intakeEvents: "/intake/events"
        case .contacts: "/contacts"
        case .contact(let id): "/contacts/\(id.text)"
        case .workers: "/workers"
        case .worker(let id): "/workers/\(id.text)"
        case .workerExport(let id): "/workers/\(id.text)/export.json"
        case .workerErase(let id): "/workers/\(id.text)/erase"
        case .revealWorker(let id): "/workers/\(id.text)/reveal"
        case .editWorker(let id): "/workers/\(id.text)/edit"
        case .duplicates: "/workers/duplicates"
        case .merge: "/workers/merge"
        case .importWorkers: "/workers/import"
        case .importBatch(let id): "/workers/import/\(id.text)"
        case .exportWorkers: "/workers/export.csv"
        case .callbacks: "/callbacks"
        case .callback(let id): "/callbacks/\(id.text)"
        case .callbackAttempt(let id): "/callbacks/\(id.text)/attempt"
        case .topics: "/admin/topics"
        case .lines: "/admin/lines"
        case .apiContacts: "/api/v1/contacts"
        case .apiContact(let id): "/api/v1/contacts/\(id.text)"
        case .apiWorkers: "/api/v1/workers"
        case .apiWorker(let id): "/api/v1/workers/\(id.text)"
        case .apiLookup: "/api/v1/lookup"
        case .apiCallbacks: "/api/v1/callbacks"
        case .apiTelephonyEvents: "/api/v1/telephony/events"
        }
    }
}
