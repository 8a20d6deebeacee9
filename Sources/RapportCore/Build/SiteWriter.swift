import Foundation
import Dispatch

/// Writes what a whole-site build writes once its customers' pages are
/// staged: the site-wide pages (dashboard, customer lists, team, managers,
/// overviews), the assets and the manifest.
///
/// `rapport build` and `rapport merge` both finish through here, so a site
/// merged from shards is the one-machine build's byte for byte.
struct SiteWriter {
    let site: LoadedSite
    let options: BuildOptions
    /// Nil for `rapport check`, which renders everything and writes nothing.
    let staging: StagingDirectory?
    /// The output folder's previous build, whose unchanged pages are linked.
    let previous: PreviousBuild?

    /// Renders (or reuses) every site page about `customers`, whose
    /// dashboard rows are `rows`, in the same order; returns their entries
    /// in a fixed order and how many were reused.
    func writeSitePages(customers: [CustomerProfile], rows: [DashboardRow]) throws(Diagnostic) -> (files: [ManifestEntry], reused: Int) {
        // Site pages render on every worker, each written as soon as it is
        // rendered: a page holds at most `dashboard.page_size` customers, so
        // no more than one page per worker is in memory; an unchanged page
        // is the previous build's copy. Entries land in a slot per page, so
        // the manifest's order never depends on which worker was first.
        let sitePages = SitePageRenderer(site: site, today: options.today, customers: customers, rows: rows)
        let jobs = sitePages.jobs()
        let written = ResultSlots<Result<(entry: ManifestEntry, reused: Bool), Diagnostic>>(count: jobs.count)
        let staging = self.staging
        let previous = self.previous
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.jobs, jobs.count))) { _ in
            // Site pages are bounded in number, so their folders are known to the end.
            var folders = StagingDirectory.KnownFolders()
            while let index = written.claimNext() {
                let job = jobs[index]
                let result = Result { () throws(Diagnostic) in
                    try Self.reuseOrWrite(
                        job.path, kind: job.kind, customer: nil, inputs: job.inputs, staging: staging, previous: previous,
                        folders: &folders
                    ) { () throws(Diagnostic) in Array(try job.render().utf8) }
                }
                _ = written.set(result, at: index)
            }
        }
        var files: [ManifestEntry] = []
        var reused = 0
        files.reserveCapacity(jobs.count)
        for result in written.values() {
            let page = try result.get()
            files.append(page.entry)
            reused += page.reused ? 1 : 0
        }
        return (files, reused)
    }

    /// Copies `Content/assets/` into the staging folder.
    func writeAssets() throws(Diagnostic) -> [ManifestEntry] {
        guard let staging else { return [] }
        return try AssetCopier(siteDirectory: options.siteDirectory).copy(into: staging)
    }

    /// Sorts `files` in place and writes them, with the entries `spooled`
    /// (a spool and its customers), as `manifest.json`, last, with the
    /// build's digests and its warnings.
    func writeManifest(
        _ files: inout [ManifestEntry], spooled: (ManifestSpool, [ManifestSpool.Customer])? = nil, inputs: String?,
        sources: String?, warnings: [Diagnostic]
    ) throws(Diagnostic) {
        guard let staging else { return }
        Manifest.sortByPath(&files)
        let manifest = Manifest(inputs: inputs, sources: sources, warnings: warnings.filter { $0.severity == .warning }, files: files)
        try staging.write(to: SitePaths.manifest) { output in
            let writePart = { (path: String, bytes: Data) throws in try staging.write(bytes, to: path) }
            if let (spool, customers) = spooled {
                var entries = SpooledManifestEntries(spool: spool, held: manifest.files, customers: customers)
                try manifest.write(output, entries: &entries, writePart: writePart)
            } else {
                try manifest.write(output, writePart: writePart)
            }
        }
    }

    /// A page with no print twin (a hub, the dashboard, an edition's
    /// overview): the previous build's file when it was made from the same
    /// inputs, else rendered and written.
    static func reuseOrWrite(
        _ path: String, kind: String, customer: String?, inputs: Digest, staging: StagingDirectory?, previous: PreviousBuild?,
        folders: inout StagingDirectory.KnownFolders, render: () throws(Diagnostic) -> [UInt8]
    ) throws(Diagnostic) -> (entry: ManifestEntry, reused: Bool) {
        if let previous, let staging, let entry = previous.reusable(path, inputs: inputs) {
            try staging.reuse(path, from: previous.outputPath, folders: &folders)
            return (entry, true)
        }
        let page = try render()
        try staging?.write(page, to: path, folders: &folders)
        return (ManifestEntry(path: path, customer: customer, kind: kind, inputs: inputs, sha256: InputHasher.digest(page)), false)
    }
}
