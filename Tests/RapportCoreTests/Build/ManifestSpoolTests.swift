import Foundation
import TestSupport
import Testing

@testable import RapportCore

/// Entries spooled per customer and merged back list exactly what the
/// in-memory manifest lists, in the same order and parts.
@Suite struct ManifestSpoolTests {
    private static let digest = Digest(hex: InputHasher.hash("inputs"))!
    private static let warning = Diagnostic.warning("a warning", at: SourceLocation(path: "Content/newsletters/x.md", line: 2, column: 3))

    private static func entry(_ path: String, customer: String? = nil) -> ManifestEntry {
        ManifestEntry(
            path: path, customer: customer, kind: customer == nil ? "page" : "newsletter", inputs: digest, sha256: digest,
            warnings: path.hasSuffix("2026-02/index.html") ? [warning] : nil)
    }

    /// Slugs that are prefixes of one another, or differ only after a
    /// character that sorts before or after "/", in no particular order.
    private static let slugs = ["acme-corp", "acme", "a", "acme.b", "zeta", "acme0", "b-2", "b"]

    private static func customerEntries(_ slug: String) -> [ManifestEntry] {
        [
            SitePaths.hub(slug), SitePaths.customerFolder(slug) + "newsletters/2026-02/index.html",
            SitePaths.customerFolder(slug) + "reviews/2026-q1/index.html", SitePaths.printFolder(slug) + "newsletter-2026-02.html",
            SitePaths.printFolder(slug) + "review-2026-q1.html",
        ].reversed().map { entry($0, customer: slug.uppercased()) }
    }

    private static let sitePages = [
        "index.html", "customers/page/2/index.html", "assets/site.css", "newsletters/2026-02/index.html", "team/index.html",
        "print.html", "customers.html", "reviews/2026-q1/index.html",
    ].map { entry($0) }

    private static func written(_ manifest: Manifest, partBytes: Int, entries: inout some ManifestEntrySource) throws -> [String: Data] {
        var files: [String: Data] = [SitePaths.manifest: Data()]
        try manifest.write({ files[SitePaths.manifest]!.append($0) }, entries: &entries, partBytes: partBytes) { files[$0] = $1 }
        return files
    }

    @Test(arguments: [Manifest.partBytes, 1200, 700])
    func mergesBackTheSameBytesAsTheInMemoryManifest(partBytes: Int) throws {
        let folder = TemporaryFolders.make("rapport-spool")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = try ManifestSpool(in: folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "the scratch file is unlinked at once")

        // A stray entry of the first customer outside their folders stays in memory.
        let stray = Self.entry("lists/stray/index.html", customer: "ACME-CORP")
        var held = Self.sitePages
        var customers: [ManifestSpool.Customer] = []
        for slug in Self.slugs {
            let (customer, kept) = try spool.store(Self.customerEntries(slug) + (slug == "acme-corp" ? [stray] : []), slug: slug)
            #expect(customer.count == 5)
            #expect(kept == (slug == "acme-corp" ? [stray] : []))
            held += kept
            customers.append(customer)
        }
        Manifest.sortByPath(&held)

        var everything = Self.sitePages + [stray] + Self.slugs.flatMap(Self.customerEntries)
        Manifest.sortByPath(&everything)
        let manifest = Manifest(inputs: "in", sources: "src", warnings: [Self.warning], files: held)
        var inMemory = ManifestEntryList(everything)
        var spooled = SpooledManifestEntries(spool: spool, held: held, customers: customers)
        let expected = try Self.written(manifest, partBytes: partBytes, entries: &inMemory)
        let actual = try Self.written(manifest, partBytes: partBytes, entries: &spooled)
        #expect(actual == expected)
        #expect(expected.count > 1 || partBytes == Manifest.partBytes)
    }
}
