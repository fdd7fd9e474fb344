extension Array {
    /// The elements in consecutive runs of at most `size` (the last may be shorter): for bulk inserts and
    /// for IN-lists, which PostgreSQL limits to 65,535 bound values a statement.
    public func chunks(of size: Int) -> [ArraySlice<Element>] {
        precondition(size > 0, "A chunk holds at least one element.")
        return stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
