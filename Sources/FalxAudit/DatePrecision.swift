/// How much of `study_datetime` a pseudonymised audit keeps (`--date-precision`; applied by
/// `Pseudonymiser` in FalxPseudonym, named in the provenance and on the report page).
public enum DatePrecision: String, Sendable, CaseIterable {
    /// The date and time as read.
    case full
    /// `YYYY-MM-DD`.
    case day
    /// `YYYY-MM`.
    case month
    /// `YYYY`.
    case year

    /// The precision the report page names; nil for full dates, which it does not mention.
    public var shownOnPage: String? { self == .full ? nil : rawValue }
}
