/// A group is reached through its leaders: 10 to 100 workers is what a leader can keep in touch with.
/// Outside that range it is a warning, never a refusal.
public enum GroupSize {
    public static let usual = 10...100

    /// The catalogue key of the warning for a group of `members`, if any.
    public static func warning(_ members: Int) -> String? {
        members < usual.lowerBound ? "groups.size_small" : members > usual.upperBound ? "groups.size_large" : nil
    }
}
