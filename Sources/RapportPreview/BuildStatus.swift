import RapportCore

/// How the last build went, which decides what a page request gets.
public enum BuildStatus: Sendable, Hashable {
    /// The output folder holds the latest sources' pages.
    case succeeded
    /// The output folder still holds the last good build; these are the problems.
    case failed([Diagnostic])
}
