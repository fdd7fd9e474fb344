import Foundation
import HuzhuCore
import Testing

@Suite("Roles")
struct RoleTests {
    @Test("Only the network admin works outside an NGO; office roles need an office")
    func needs() {
        #expect(Role.allCases.filter { !$0.requiresNGO } == [.networkAdmin])
        #expect(Set(Role.allCases.filter(\.requiresOffice))
                == [.officeSupervisor, .caseworker, .hotlineVolunteer, .volunteerLawyer, .groupLeader])
        #expect(Role.networkAdmin.reach > Role.ngoAdmin.reach)
        #expect(Role.ngoAdmin.reach > Role.caseworker.reach)
    }
}

@Suite("Login throttling")
struct LoginThrottleTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let rule = LoginThrottle.account

    @Test("The first failures cost nothing")
    func free() {
        for failures in 0...3 {
            #expect(rule.decision(failures: failures, lastFailure: start, now: start) == .allowed)
        }
    }

    @Test("Then each attempt waits, doubling from 5 seconds")
    func backoff() {
        #expect(rule.decision(failures: 4, lastFailure: start, now: start) == .wait(seconds: 5))
        #expect(rule.decision(failures: 5, lastFailure: start, now: start.addingTimeInterval(3)) == .wait(seconds: 7))
        #expect(rule.decision(failures: 5, lastFailure: start, now: start.addingTimeInterval(10)) == .allowed)
    }

    @Test("Then the key is locked for a quarter of an hour")
    func lock() {
        let until = start.addingTimeInterval(15 * 60)
        #expect(rule.decision(failures: 6, lastFailure: start, now: start.addingTimeInterval(60)) == .locked(until: until))
        #expect(rule.decision(failures: 9, lastFailure: start, now: until) == .allowed)
        #expect(rule.isExpired(lastFailure: start, now: until))
    }

    @Test("An address gets more room than an account")
    func address() {
        #expect(LoginThrottle.address.decision(failures: 9, lastFailure: start, now: start) == .allowed)
        #expect(LoginThrottle.address.decision(failures: 30, lastFailure: start, now: start) != .allowed)
    }
}
