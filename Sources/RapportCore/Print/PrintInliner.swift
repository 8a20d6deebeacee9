import Foundation

/// Reads one published asset: given its path below `assets/` (every segment
/// already checked: no `..`, no hidden names), returns its bytes or nil.
typealias PrintAssetResolver = @Sendable (String) -> Data?

/// Turns a rendered print page into one self-contained HTML file: stylesheets,
/// images and fonts from the site's assets become inline `<style>` and
/// `data:` URIs, and anything that would still be fetched is removed and
/// reported, so the page prints the same from any folder, offline.
///
/// It reads the HTML as text with a small tag scanner rather than a parser
/// (no HTML library is available). That is enough because rapport's own
/// layouts produce the pages; the assumptions are:
/// - tags are well formed (quoted or unquoted attributes, `/>` allowed);
///   a `<` that does not start a tag is copied as text;
/// - comments, `<!DOCTYPE>` and closing tags are copied unchanged;
/// - `<script>`, `<style>`, `<title>` and `<textarea>` hold raw text up to
///   their closing tag (what Mustache escaping guarantees for values);
/// - CSS escapes inside `url()` are not decoded: such a URL never resolves,
///   so it is removed and reported, never read.
///
/// What is fetched when printing, and therefore inlined or removed:
/// `<link rel=stylesheet>`, `@import` and `url()` in CSS (`<style>`, `style`
/// attributes, inlined stylesheets), `src`/`srcset` of `<img>` and
/// `<source>`, `href`/`xlink:href` of SVG `<image>`, `<use>` and `<feImage>`,
/// `src` of media and frames, `poster`, `<object data>`, `background`.
/// `<link rel=icon>`, `<base>` and other `<link>`s are dropped; `<script src>`
/// is removed with its element. `<a href>` links are not fetched and stay;
/// relative ones become absolute when a base URL is given.
struct PrintInliner: Sendable {
    /// The page's path below the output folder (`print/c-1001/review-2026-Q4.html`):
    /// relative URLs in the page resolve against its folder.
    let pagePath: String
    /// The folder the page's relative URLs resolve against, as path segments
    /// (asked for at every tag that refers to something, so made once).
    let pageDirectory: [String]
    /// The site's public address (`rapport.yml` `base_url`), for absolute links.
    let baseURL: String?
    let resolveAsset: PrintAssetResolver
    /// Inlined stylesheets shared by every page of a build: each print page
    /// links the same CSS, and inlining it once per page was a fifth of the
    /// build time.
    let cache: PrintInlineCache?

    /// Imports nested deeper than this are refused (and loops end here).
    static let maximumImportDepth = 4

    /// Creates an inliner for the page at `pagePath`, reading assets through `resolveAsset`.
    init(pagePath: String, baseURL: String? = nil, resolveAsset: @escaping PrintAssetResolver, cache: PrintInlineCache? = nil) {
        self.pagePath = pagePath
        pageDirectory = Array(pagePath.split(separator: "/").dropLast().map(String.init))
        self.baseURL = baseURL.flatMap { $0.isEmpty ? nil : $0 }
        self.resolveAsset = resolveAsset
        self.cache = cache
    }

    /// The self-contained page and every reference that was removed from it.
    func inline(_ html: String) -> PrintInlineResult {
        let (bytes, problems) = inline(bytes: Array(html.utf8))
        return PrintInlineResult(html: String(decoding: bytes, as: UTF8.self), problems: problems)
    }

    /// `inline` for the page's UTF-8 bytes, as the build writes them.
    func inline(bytes html: [UInt8]) -> (bytes: [UInt8], problems: [PrintProblem]) {
        var problems: [PrintProblem] = []
        let output = inlineHTML(html, problems: &problems)
        var seen = Set<PrintProblem>()
        return (output, problems.filter { seen.insert($0).inserted })
    }

    // MARK: - Shared by the HTML and CSS passes

    /// What a fetched reference becomes.
    enum Replacement: Equatable {
        /// Nothing to fetch (a `data:` URI or a fragment): leave it.
        case keep
        /// The asset's contents as a `data:` URI.
        case dataURI(String)
        /// Cannot be made local: remove it (already reported).
        case remove
    }

    /// Resolves `url` (as written, entities decoded) against `directory` and
    /// reads it from the assets; records a problem when it must go.
    func replacement(
        for url: String, from directory: [String], source: String, problems: inout [PrintProblem]
    ) -> Replacement {
        switch AssetReference.locate(url, from: directory) {
        case .unchanged:
            return .keep
        case .external:
            problems.append(PrintProblem(source: source, url: url, reason: .external))
        case .outsideAssets:
            problems.append(PrintProblem(source: source, url: url, reason: .outsideAssets))
        case .invalid:
            problems.append(PrintProblem(source: source, url: url, reason: .invalid))
        case .asset(let path):
            guard let mediaType = AssetMediaType.forPath(path) else {
                problems.append(PrintProblem(source: source, url: url, reason: .unsupportedType))
                return .remove
            }
            guard let data = resolveAsset(path) else {
                problems.append(PrintProblem(source: source, url: url, reason: .notFound))
                return .remove
            }
            return .dataURI("data:\(mediaType);base64,\(data.base64EncodedString())")
        }
        return .remove
    }
}
