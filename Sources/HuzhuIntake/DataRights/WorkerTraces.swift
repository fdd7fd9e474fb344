import Foundation

/// What erasure takes out of free text written about a worker anywhere: their name, their phone and ID
/// numbers however they were typed (`139 0013 9000`, `139-0013-9000`), and the words of their contacts,
/// whose summaries are copied onto case timelines. Gathered before any part of the worker is erased.
package struct WorkerTraces: Sendable {
    package let name: String
    /// Digits of every phone and ID number.
    package let numbers: [String]
    /// Summaries and advice of the worker's contacts.
    package let passages: [String]

    package init(name: String, numbers: [String], passages: [String]) {
        self.name = name
        self.numbers = numbers.filter { $0.count >= 6 }
        self.passages = passages.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { $0.count >= 4 }
    }

    /// The text with every trace replaced by the anonymised label; nil when there was none.
    package func scrub(_ text: String) -> String? {
        var result = text
        for passage in passages.sorted(by: { $0.count > $1.count }) {
            result = result.replacingOccurrences(of: passage, with: WorkerData.anonymisedLabel)
        }
        // A name of one character would take every such character out of unrelated words.
        if name.count >= 2 && name != WorkerData.anonymisedLabel {
            result = result.replacingOccurrences(of: name, with: WorkerData.anonymisedLabel)
        }
        for number in numbers {
            let pattern = number.map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: "[\\s\\-.]?")
            result = result.replacingOccurrences(of: pattern, with: WorkerData.anonymisedLabel, options: [.regularExpression, .caseInsensitive])
        }
        return result == text ? nil : result
    }
}
