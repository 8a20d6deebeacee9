import Foundation

/// Turns a rendered print page into one self-contained file: CSS and images
/// from `Content/assets/` inlined, nothing fetched from anywhere else.
struct PrintPages: Sendable {
    let resolver: PrintAssetResolver
    let baseURL: String
    let cache = PrintInlineCache()

    init(siteDirectory: URL, baseURL: String) {
        resolver = PrintInliner.assets(in: siteDirectory.appendingPathComponent("Content/assets"))
        self.baseURL = baseURL
    }

    /// The page at `path` with its assets inlined, and a warning for every
    /// reference that could not be (it is removed rather than left dangling).
    /// Takes and gives the page's UTF-8 bytes.
    func selfContained(_ html: [UInt8], path: String) -> ([UInt8], [Diagnostic]) {
        let result = PrintInliner(pagePath: path, baseURL: baseURL, resolveAsset: resolver, cache: cache).inline(bytes: html)
        return (result.bytes, result.problems.map { $0.diagnostic(at: SourceLocation(path: "Layouts/print.mustache")) })
    }
}
