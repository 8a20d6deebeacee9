import CRapportSupport
import Foundation

/// `rapport merge OUT SHARD...`: puts the outputs of `rapport build --shard
/// K/N` (one per shard) together into the site a one-machine build writes,
/// byte for byte, manifest included.
///
/// The shards' pages are linked, not rendered again. The site pages need
/// every customer's dashboard row, which comes from their record and notes
/// alone, so the merge loads the site (cheap beside rendering) and writes
/// the site pages, assets and manifest through `SiteWriter`, as a build
/// does. Everything goes to a staging folder swapped in at the end: a
/// failed merge leaves the previous OUT exactly as it was.
public struct ShardMerger: Sendable {
    /// The site, `--today`, `--strict` and `--jobs`; `outputDirectory` is OUT.
    public let options: BuildOptions
    /// The shard folders as typed, relative to the current folder.
    public let shardFolders: [String]

    public init(options: BuildOptions, shardFolders: [String]) {
        var options = options
        options.shard = nil
        options.only = []
        options.skipInvalid = false
        self.options = options
        self.shardFolders = shardFolders
    }

    /// Checks the shards and writes the merged site; throws every problem found.
    public func merge() throws(DiagnosticList) -> BuildReport {
        let started = Date()
        try options.checkOutputLocation()
        let (config, _) =
            (try? SiteConfig.load(siteDirectory: options.siteDirectory, environment: options.environment)) ?? (SiteConfig(), [])
        let sources = SourceDigest.compute(options: options, config: config)
        let shards = try readShards(sources: sources)
        var site = try SiteLoader(options: options).load()
        if options.strict, !site.warnings.isEmpty {
            throw DiagnosticList(
                site.warnings.map {
                    var error = $0; error.severity = .error; return error
                })
        }
        let owners = try owners(of: site.customers, in: shards)
        try checkPages(of: site, in: shards, owners: owners)
        let customerHashes = BuildInputs.customerHashes(site)
        let buildInputs = BuildInputs.whole(site: site, customerHashes: customerHashes, options: options)
        let rows = DashboardRow.rows(for: site, today: options.today, jobs: options.jobs)
        // Only customer pages read notes and metrics, and they are rendered.
        site.notes.removeAll()
        site.metrics = nil
        rapport_release_free_memory()
        let previous = options.clean ? nil : PreviousBuild.load(from: options.outputDirectory)
        let staging: StagingDirectory
        do {
            staging = try StagingDirectory(for: options.outputDirectory)
        } catch {
            throw DiagnosticList([error])
        }
        do {
            let report = try write(
                site, rows: rows, shards: shards, owners: owners, into: staging, previous: previous, buildInputs: buildInputs,
                sources: sources, started: started)
            // As a build does: the outbox in the output is `rapport outbox`'s.
            try staging.carryOver(OutboxPaths.folder)
            try staging.commit()
            return report
        } catch let error as DiagnosticList {
            staging.discard()
            throw error
        } catch let error as Diagnostic {
            staging.discard()
            throw DiagnosticList([error])
        } catch {
            staging.discard()
            throw DiagnosticList([.error("\(error)", at: nil)])
        }
    }

    // MARK: - Writing

    private func write(
        _ site: LoadedSite, rows: [DashboardRow], shards: [ShardFolder], owners: [Int], into staging: StagingDirectory,
        previous: PreviousBuild?, buildInputs: String, sources: String, started: Date
    ) throws -> BuildReport {
        var files: [ManifestEntry] = []
        var diagnostics = site.warnings
        var pages = 0
        for (index, profile) in site.customers.enumerated() {
            if options.isCancelled() { throw DiagnosticList([.error("merge cancelled; the previous output is unchanged", at: nil)]) }
            let shard = shards[owners[index]]
            let entries = shard.entries[profile.id] ?? []
            let (newsletters, reviews) = site.documents(for: profile)
            let documents = newsletters + reviews
            for entry in entries {
                do {
                    try staging.reuse(entry.path, from: shard.path)
                } catch {
                    throw Diagnostic.error(
                        "shard folder \(ShardFolder.quoted(shard.shown)) lacks \(entry.path), which its manifest lists: build the shard again",
                        at: nil, customer: profile.id)
                }
            }
            files += entries
            pages += entries.count
            // A build reports each customer's warnings in the order of their
            // documents, as its pages render; each web page's entry keeps them.
            let byPath = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            for compiled in documents {
                diagnostics += byPath[SitePaths.documentFile(profile.slug, compiled.document)]?.warnings ?? []
            }
            options.progress?(index + 1, site.customers.count)
        }
        if options.strict, !diagnostics.isEmpty {
            throw DiagnosticList(
                diagnostics.map {
                    var error = $0; error.severity = .error; return error
                })
        }
        let writer = SiteWriter(site: site, options: options, staging: staging, previous: previous)
        let sitePages = try writer.writeSitePages(customers: site.customers, rows: rows)
        files += sitePages.files
        pages += sitePages.files.count
        files += try writer.writeAssets()
        try writer.writeManifest(&files, inputs: buildInputs, sources: sources, warnings: diagnostics)
        return BuildReport(
            customers: site.customers.count, pages: pages, reused: sitePages.reused, files: files.count + 1,
            warnings: diagnostics.filter { $0.severity == .warning }, skippedCustomers: [], seconds: Date().timeIntervalSince(started))
    }

    // MARK: - Checks

    /// Each shard lists exactly the pages this site gives each of its
    /// customers: the same sources make the same pages, so anything else is
    /// a shard folder changed by hand, and no path it lists leads out of OUT.
    private func checkPages(of site: LoadedSite, in shards: [ShardFolder], owners: [Int]) throws(DiagnosticList) {
        let printing = site.layouts.contains(LayoutName.print)
        var problems: [Diagnostic] = []
        for (index, profile) in site.customers.enumerated() {
            let shard = shards[owners[index]]
            let listed = (shard.entries[profile.id] ?? []).map(\.path)
            let (newsletters, reviews) = site.documents(for: profile)
            var expected = Set([SitePaths.hub(profile.slug)])
            for compiled in newsletters + reviews {
                expected.insert(SitePaths.documentFile(profile.slug, compiled.document))
                if printing { expected.insert(SitePaths.printFile(profile.slug, compiled.document)) }
            }
            if Set(listed) != expected || listed.count != expected.count {
                problems.append(
                    .error(
                        "shard folder \(ShardFolder.quoted(shard.shown)) (shard \(shard.shard)) does not list the pages this site gives "
                            + "this customer: build the shard again", at: nil, customer: profile.id))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
    }

    /// Every shard folder, read and checked to be the shards of one build
    /// of this site: each from the same sources, all N of them, once each.
    private func readShards(sources: String) throws(DiagnosticList) -> [ShardFolder] {
        guard !shardFolders.isEmpty else {
            throw DiagnosticList([.error("give the shard folders to merge: rapport merge OUT SHARD...", at: nil)])
        }
        var shards: [ShardFolder] = []
        var problems: [Diagnostic] = []
        for folder in shardFolders {
            do {
                shards.append(try ShardFolder.read(folder))
            } catch {
                problems.append(error)
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        for shard in shards where shard.record.sources != sources {
            problems.append(
                .error(
                    "shard folder \(ShardFolder.quoted(shard.shown)) (shard \(shard.shard)) was built from other inputs than this site "
                        + "(a file of the site, --today or --strict differs): build every shard again from the same site",
                    at: nil))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        let count = shards[0].shard.count
        for shard in shards.dropFirst() where shard.shard.count != count {
            problems.append(
                .error(
                    "shards of different builds: \(ShardFolder.quoted(shards[0].shown)) is shard \(shards[0].shard), "
                        + "\(ShardFolder.quoted(shard.shown)) is shard \(shard.shard)",
                    at: nil))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        let byIndex = Dictionary(grouping: shards, by: \.shard.index)
        for index in 1...count {
            let given = byIndex[index] ?? []
            if given.isEmpty {
                problems.append(
                    .error("shard \(index)/\(count) is missing: give every shard folder, 1/\(count) to \(count)/\(count)", at: nil))
            } else if given.count > 1 {
                let folders = given.map { ShardFolder.quoted($0.shown) }
                problems.append(
                    .error(
                        "shard \(index)/\(count) is given more than once: \(folders.joined(separator: ", ")); give each shard once", at: nil
                    ))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return shards
    }

    /// For each customer, the position in `shards` of the one shard holding
    /// their pages; every customer in exactly one, and no one else.
    private func owners(of customers: [CustomerProfile], in shards: [ShardFolder]) throws(DiagnosticList) -> [Int] {
        var holders: [String: [Int]] = [:]
        for (position, shard) in shards.enumerated() {
            for customer in shard.entries.keys { holders[customer, default: []].append(position) }
        }
        var problems: [Diagnostic] = []
        var owners: [Int] = []
        owners.reserveCapacity(customers.count)
        for profile in customers {
            let held = holders.removeValue(forKey: profile.id) ?? []
            switch held.count {
            case 1:
                owners.append(held[0])
            case 0:
                let expected = Shard.index(of: profile.id, count: shards[0].shard.count)
                let folder = shards.first { $0.shard.index == expected }.map { ShardFolder.quoted($0.shown) } ?? "?"
                problems.append(
                    .error(
                        "no shard folder holds this customer's pages (shard \(expected)/\(shards[0].shard.count), \(folder), should): build that shard again",
                        at: nil, customer: profile.id))
                owners.append(-1)
            default:
                let folders = held.map { "\(ShardFolder.quoted(shards[$0].shown)) (shard \(shards[$0].shard))" }
                problems.append(
                    .error(
                        "more than one shard folder holds this customer's pages: \(folders.joined(separator: " and "))", at: nil,
                        customer: profile.id))
                owners.append(-1)
            }
        }
        for (customer, held) in holders.sorted(by: { $0.key < $1.key }) {
            let folders = held.map { ShardFolder.quoted(shards[$0].shown) }.joined(separator: ", ")
            problems.append(.error("shard folder \(folders) holds a customer who is not in the records", at: nil, customer: customer))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return owners
    }
}
