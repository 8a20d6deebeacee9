import Foundation

extension PrintInliner {
    /// `href` made absolute against the base URL, or nil to leave it as
    /// written: no base URL, a fragment (a link inside the printed file), a
    /// URL with a scheme or host, or one Foundation cannot parse.
    func absoluteLink(_ href: String) -> String? {
        guard let baseURL, !href.isEmpty, !href.hasPrefix("#"), !href.hasPrefix("//"), !URLText.hasScheme(href) else { return nil }
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        guard let page = URL(string: pagePath, relativeTo: URL(string: base)),
            let absolute = URL(string: href, relativeTo: page)
        else { return nil }
        return absolute.absoluteString
    }
}
