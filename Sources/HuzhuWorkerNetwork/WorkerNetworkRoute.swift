import HuzhuPlatform

/// The worker network's URLs: groups and their members, trainings and their registrations.
enum WorkerNetworkRoute: TypedRoute {
    case groups, group(RouteID), groupMembers(RouteID), memberLeave(RouteID), memberLeader(RouteID), memberLogin(RouteID)
    /// A group leader's own page, and their registering a member for a training.
    case myGroups, myRegistrations(RouteID)
    case trainings, training(RouteID), registrations(RouteID), walkIns(RouteID), registrationCancel(RouteID), attendance(RouteID)
    /// A training's public sign-up page, by its token.
    case join(RouteID)
    case messages, message(RouteID)
    case lists, list(RouteID), listToGroup(RouteID), listToTraining(RouteID)
    /// The SMS gateway's calls, by its secret.
    case smsInbound(RouteID), smsReports(RouteID)

    var path: String {
        switch self {
        case .groups: "/groups"
        case .group(let id): "/groups/\(id.text)"
        case .groupMembers(let id): "/groups/\(id.text)/members"
        case .memberLeave(let id): "/group-members/\(id.text)/leave"
        case .memberLeader(let id): "/group-members/\(id.text)/leader"
        case .memberLogin(let id): "/group-members/\(id.text)/login"
        case .myGroups: "/my-groups"
        case .myRegistrations(let training): "/my-groups/trainings/\(training.text)/registrations"
        case .trainings: "/trainings"
        case .training(let id): "/trainings/\(id.text)"
        case .registrations(let id): "/trainings/\(id.text)/registrations"
        case .walkIns(let id): "/trainings/\(id.text)/walk-ins"
        case .registrationCancel(let id): "/registrations/\(id.text)/cancel"
        case .attendance(let id): "/registrations/\(id.text)/attendance"
        case .join(let token): "/join/\(token.text)"
        case .lists: "/lists"
        case .list(let id): "/lists/\(id.text)"
        case .listToGroup(let id): "/lists/\(id.text)/group"
        case .listToTraining(let id): "/lists/\(id.text)/training"
        case .messages: "/messages"
        case .message(let id): "/messages/\(id.text)"
        case .smsInbound(let secret): "/sms/inbound/\(secret.text)"
        case .smsReports(let secret): "/sms/reports/\(secret.text)"
        }
    }
}

/// The API's URLs.
enum WorkerNetworkAPIRoute: TypedRoute {
    case groups, group(RouteID), groupMembers(RouteID), trainings, training(RouteID), trainingRegistrations(RouteID), attendance(RouteID)
    case messages, message(RouteID)

    var path: String {
        switch self {
        case .groups: "/api/v1/groups"
        case .group(let id): "/api/v1/groups/\(id.text)"
        case .groupMembers(let id): "/api/v1/groups/\(id.text)/members"
        case .trainings: "/api/v1/trainings"
        case .training(let id): "/api/v1/trainings/\(id.text)"
        case .trainingRegistrations(let id): "/api/v1/trainings/\(id.text)/registrations"
        case .attendance(let id): "/api/v1/registrations/\(id.text)/attendance"
        case .messages: "/api/v1/messages"
        case .message(let id): "/api/v1/messages/\(id.text)"
        }
    }
}
