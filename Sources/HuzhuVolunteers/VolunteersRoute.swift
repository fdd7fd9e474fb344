import HuzhuPlatform

/// The volunteer corps' URLs: profiles and courses, the shift roster, hours.
enum VolunteersRoute: TypedRoute {
    case volunteers, importRoster, importConfirm, importTemplate, volunteer(RouteID), volunteerProfile(RouteID), volunteerStatus(RouteID), volunteerCompletions(RouteID), certificate(RouteID), firms, firmsCSV
    case courses, requirements
    case shifts, openings, openingRemove(RouteID), shiftPlaces(RouteID), shiftCancel(RouteID), checkIn(RouteID), checkOut(RouteID), confirm(RouteID)
    case hours, hoursDecision(RouteID)

    var path: String {
        switch self {
        case .volunteers: "/volunteers"
        case .importRoster: "/volunteers/import"
        case .importConfirm: "/volunteers/import/confirm"
        case .importTemplate: "/volunteers/import/template.csv"
        case .volunteer(let id): "/volunteers/\(id.text)"
        case .volunteerProfile(let id): "/volunteers/\(id.text)/profile"
        case .volunteerStatus(let id): "/volunteers/\(id.text)/status"
        case .volunteerCompletions(let id): "/volunteers/\(id.text)/completions"
        case .certificate(let id): "/volunteers/\(id.text)/certificate"
        case .firms: "/volunteers/firms"
        case .firmsCSV: "/volunteers/firms.csv"
        case .courses: "/courses"
        case .requirements: "/courses/requirements"
        case .shifts: "/shifts"
        case .openings: "/shifts/openings"
        case .openingRemove(let id): "/shifts/openings/\(id.text)/remove"
        case .shiftPlaces(let id): "/shifts/\(id.text)/places"
        case .shiftCancel(let id): "/shifts/\(id.text)/cancel"
        case .checkIn(let id): "/shifts/\(id.text)/check-in"
        case .checkOut(let id): "/shifts/\(id.text)/check-out"
        case .confirm(let id): "/shifts/\(id.text)/confirm"
        case .hours: "/hours"
        case .hoursDecision(let id): "/hours/\(id.text)/decision"
        }
    }
}

/// The API's URLs.
enum VolunteersAPIRoute: TypedRoute {
    case volunteers, shifts, shiftPlaces(RouteID), shiftCancel(RouteID), hours, hoursApproval(RouteID)

    var path: String {
        switch self {
        case .volunteers: "/api/v1/volunteers"
        case .shifts: "/api/v1/shifts"
        case .shiftPlaces(let id): "/api/v1/shifts/\(id.text)/places"
        case .shiftCancel(let id): "/api/v1/shifts/\(id.text)/cancel"
        case .hours: "/api/v1/hours"
        case .hoursApproval(let id): "/api/v1/hours/\(id.text)/decision"
        }
    }
}
