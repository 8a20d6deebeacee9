/// A reference a print page cannot keep: it was removed from the page.
struct PrintProblem: Hashable, Sendable, CustomStringConvertible {
    /// Why a reference could not be inlined.
    enum Reason: String, Hashable, Sendable {
        case external = "external reference; a print page must not fetch anything"
        case outsideAssets = "not inside the site's assets folder"
        case notFound = "no such file in the site's assets folder"
        case unsupportedType = "not an image, font or stylesheet rapport can inline"
        case invalid = "not a usable URL"
        case importTooDeep = "stylesheet imports nest too deeply"
        case script = "scripts do not run in a print page"
    }

    /// Where the reference was: `<img src>`, `url() in assets/print.css` ...
    var source: String
    /// The URL as written in the page (entities decoded).
    var url: String
    var reason: Reason

    /// `<img src> "https://x/y.png" removed: external reference; ...`
    var description: String {
        "\(source) \"\(url)\" removed: \(reason.rawValue)"
    }

    /// The problem as a build warning about the page at `location`.
    func diagnostic(at location: SourceLocation?, customer: String? = nil) -> Diagnostic {
        .warning("print page: \(description)", at: location, customer: customer)
    }
}
