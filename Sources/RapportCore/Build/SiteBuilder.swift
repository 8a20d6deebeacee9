import CRapportSupport
import Foundation

/// Builds a site: load and check everything, render every customer's pages
/// in parallel, write into a staging folder and swap it in.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Runs the build; throws every error found (warnings too with `--strict`).
    public func build() throws(DiagnosticList) -> BuildReport {
        let started = Date()
        try options.checkOutputLocation()
        if options.shard != nil, options.skipInvalid || !options.only.isEmpty {
            // A customer left out would look missing to `rapport merge`.
            throw DiagnosticList([
                .error("--shard builds every customer of its shard: it cannot be combined with --skip-invalid or --only", at: nil)
            ])
        }
        // The previous manifest is read while the sources are hashed: each
        // was about a quarter of a no-change rebuild.
        let options = self.options
        let (previous, siteSources) = ParallelMap.concurrently {
            options.writeOutput && !options.clean ? PreviousBuild.load(from: options.outputDirectory) : nil
        } _: {
            let (config, _) = (try? SiteConfig.load(siteDirectory: options.siteDirectory, environment: options.environment)) ?? (SiteConfig(), [])
            return SourceDigest.compute(options: options, config: config)
        }
        let sources = ShardRecord.sources(siteSources, shard: options.shard)
        if let previous, previous.sources == sources, previous.isIntact(workers: options.jobs) {
            return try upToDate(previous: previous, started: started)
        }
        var site = try SiteLoader(options: options).load()
        if options.strict, !site.warnings.isEmpty {
            throw DiagnosticList(site.warnings.map { warning in
                var error = warning
                error.severity = .error
                return error
            })
        }
        let customerHashes = BuildInputs.customerHashes(site, workers: options.jobs)
        let buildInputs = BuildInputs.whole(site: site, customerHashes: customerHashes, options: options)
        if let previous, previous.inputs == buildInputs, previous.isIntact(workers: options.jobs) {
            return try upToDate(previous: previous, started: started)
        }
        let staging: StagingDirectory?
        do {
            staging = options.writeOutput ? try StagingDirectory(for: options.outputDirectory) : nil
        } catch {
            throw DiagnosticList([error])
        }
        do {
            let report = try render(
                &site, into: staging, previous: previous, customerHashes: customerHashes, buildInputs: buildInputs,
                sources: sources, siteSources: siteSources, started: started)
            // The outbox is `rapport outbox`'s, not the build's: keep it.
            try staging?.carryOver(OutboxPaths.folder)
            try staging?.commit()
            return report
        } catch let error as DiagnosticList {
            staging?.discard()
            throw error
        } catch let error as Diagnostic {
            staging?.discard()
            throw DiagnosticList([error])
        } catch {
            staging?.discard()
            throw DiagnosticList([.error("\(error)", at: nil)])
        }
    }

    // MARK: - Rendering

    private func render(
        _ site: inout LoadedSite, into staging: StagingDirectory?, previous: PreviousBuild?, customerHashes: [Digest],
        buildInputs: String, sources: String, siteSources: String, started: Date
    ) throws -> BuildReport {
        // Each customer's metrics go to the worker that renders them and are
        // freed with their pages: held whole until the last customer, they
        // were a fifth of the peak (about 1 KB per customer).
        // (Taken through `site.metrics!` in place: a copy of the table would share, and so duplicate, its storage.)
        var metrics: MetricsTable.HandOut?
        if site.metrics != nil {
            metrics = MetricsTable.HandOut(taking: &site.metrics!, inOrderOf: site.customers.map(\.id))
            site.metrics = nil
        }
        // Entries go to a scratch file as each customer is done: held
        // until the manifest, they were 1.1 KB per customer at the build's end.
        let spool: ManifestSpool?
        do {
            spool = try staging.map { staging throws(Diagnostic) in try ManifestSpool(in: staging.url) }
        } catch {
            throw DiagnosticList([error])
        }
        var outcomes = renderCustomers(
            site, metrics: metrics, into: staging, spool: spool, previous: previous, customerHashes: customerHashes)
        // Only customer pages read notes: let them go before the dashboard,
        // whose rendering is the other high point of memory.
        site.notes.removeAll()
        // glibc keeps the freed pages, mostly in the workers' arenas, which
        // the site pages' large strings do not reuse: return them first.
        rapport_release_free_memory()
        if options.isCancelled() { throw DiagnosticList([.error("build cancelled; the previous output is unchanged", at: nil)]) }

        var diagnostics = site.warnings
        var skipped: [String] = []
        var rows: [DashboardRow] = []
        var pages = 0
        var reused = 0
        rows.reserveCapacity(outcomes.count)
        for (index, profile) in site.customers.enumerated() {
            // The files stay in the outcome until the manifest's array is
            // sized; a row's copy shares its texts, so holding both costs nothing.
            let outcome = outcomes[index]
            let errors = outcome.diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty, options.skipInvalid {
                skipped.append(profile.id)
                outcomes[index].files = []
                outcomes[index].spooled = nil
                diagnostics += errors.map { var warning = $0; warning.severity = .warning; return warning }
                diagnostics.append(.warning("customer left out of this build because of the problems above (--skip-invalid)", at: profile.record.location, customer: profile.id))
                continue
            }
            diagnostics += outcome.diagnostics
            pages += outcome.pages
            reused += outcome.reused
            if let row = outcome.dashboardRow { rows.append(row) }
        }
        // The loaded array itself unless customers were left out: a copy of
        // every profile was 0.4 KiB per customer of peak memory.
        let leftOut = Set(skipped)
        let included = leftOut.isEmpty ? site.customers : site.customers.filter { !leftOut.contains($0.id) }
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw DiagnosticList(diagnostics)
        }
        if options.strict, !diagnostics.isEmpty {
            throw DiagnosticList(diagnostics.map { var error = $0; error.severity = .error; return error })
        }

        let writer = SiteWriter(site: site, options: options, staging: staging, previous: previous)
        // A shard writes only its customers' pages: the site pages need
        // every customer, and `rapport merge` writes them and the assets.
        var siteFiles: [ManifestEntry] = []
        if options.shard == nil {
            let sitePages = try writer.writeSitePages(customers: included, rows: rows)
            siteFiles = sitePages.files
            pages += sitePages.files.count
            reused += sitePages.reused
            siteFiles += try writer.writeAssets()
        }
        // Sized once, every file known: an array of half a million entries
        // that grows doubles itself while both copies are alive (60 MB at
        // 100,000 customers, the build's highest point).
        var files: [ManifestEntry] = []
        files.reserveCapacity(outcomes.reduce(siteFiles.count) { $0 + $1.files.count })
        var spooled: [ManifestSpool.Customer] = []
        spooled.reserveCapacity(spool == nil ? 0 : outcomes.count)
        for index in outcomes.indices {
            files += outcomes[index].files
            outcomes[index].files = []
            if let customer = outcomes[index].spooled { spooled.append(customer) }
        }
        outcomes = []
        files += siteFiles
        let spooledCount = spooled.reduce(0) { $0 + $1.count }
        let fullBuild = skipped.isEmpty
        try writer.writeManifest(
            &files, spooled: spool.map { ($0, spooled) }, inputs: fullBuild ? buildInputs : nil,
            sources: fullBuild ? sources : nil, warnings: diagnostics)
        if let staging, let shard = options.shard {
            try ShardRecord(shard: shard, sources: siteSources).write(into: staging)
        }
        return BuildReport(
            customers: included.count, pages: pages, reused: reused,
            files: files.count + spooledCount + (options.shard == nil ? 1 : 2),
            warnings: diagnostics.filter { $0.severity == .warning }, skippedCustomers: skipped,
            seconds: Date().timeIntervalSince(started))
    }

    /// Renders every customer on `options.jobs` workers. Results land in a
    /// slot per customer, so their order (and the output) never depends on
    /// which worker finished first.
    private func renderCustomers(
        _ site: LoadedSite, metrics: MetricsTable.HandOut?, into staging: StagingDirectory?, spool: ManifestSpool?,
        previous: PreviousBuild?, customerHashes: [Digest]
    ) -> [CustomerOutcome] {
        let total = site.customers.count
        let results = ResultSlots<CustomerOutcome>(count: total)
        let workers = max(1, min(options.jobs, total))
        let options = self.options
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let renderer = PageRenderer(site: site, today: options.today)
            var folders = StagingDirectory.KnownFolders()
            while let index = results.claimNext() {
                if options.isCancelled() { return }
                if let metrics { renderer.useMetrics(metrics.take(index, customer: site.customers[index].id)) }
                folders.forgetCustomer()
                let outcome = Self.renderCustomer(
                    site.customers[index], site: site, renderer: renderer, staging: staging, spool: spool,
                    previous: previous, customerHash: customerHashes[index], folders: &folders)
                let done = results.set(outcome, at: index)
                options.progress?(done, total)
                // The metrics a worker frees return to the loading thread's
                // malloc arena, which the workers' new allocations do not
                // use: give the freed pages back as the customers go by.
                if metrics != nil, done % 2_000 == 0 { rapport_release_free_memory() }
            }
        }
        return results.values(filling: CustomerOutcome())
    }

    private static func renderCustomer(
        _ profile: CustomerProfile, site: LoadedSite, renderer: PageRenderer, staging: StagingDirectory?,
        spool: ManifestSpool?, previous: PreviousBuild?, customerHash: Digest, folders: inout StagingDirectory.KnownFolders
    ) -> CustomerOutcome {
        let scope = renderer.scope(for: profile)
        // Notes are read and their bodies rendered only once a page needs them.
        lazy var pageScope = Result { () throws(Diagnostic) in try renderer.pageScope(scope, for: profile) }
        let (newsletters, reviews) = site.documents(for: profile)
        let documents = newsletters + reviews
        let printing = site.layouts.contains(LayoutName.print)
        var outcome = CustomerOutcome()
        // Sized exactly: a large build holds every entry until the manifest.
        outcome.files.reserveCapacity(documents.count * (printing ? 2 : 1) + 1)
        // Every page links this customer's other editions, so the set of
        // them is an input of each page.
        let documentsHash = InputHasher.hash(documents.map(\.sourceHash).joined(separator: ","))
        let customerInputs = site.sharedInputsHash + customerHash.description
        for compiled in documents {
            do {
                let inputs = InputHasher.digest(customerInputs + compiled.sourceHash + documentsHash)
                let path = SitePaths.documentFile(profile.slug, compiled.document)
                let printPath = SitePaths.printFile(profile.slug, compiled.document)
                // Print pages carry their CSS and images inside, so an edited asset changes them.
                let printInputs = InputHasher.digest(inputs.description + site.assetsFingerprint)
                if let previous, let staging, let webEntry = previous.reusable(path, inputs: inputs) {
                    let printEntry = printing ? previous.reusable(printPath, inputs: printInputs) : nil
                    if !printing || printEntry != nil {
                        for entry in [webEntry] + (printEntry.map { [$0] } ?? []) {
                            try staging.reuse(entry.path, from: previous.outputPath, folders: &folders)
                            outcome.files.append(entry)
                            outcome.reused += 1
                            outcome.pages += 1
                        }
                        outcome.diagnostics += webEntry.warnings ?? []
                        continue
                    }
                }
                let page = try pageScope.get()
                let rendered = try renderer.render(compiled, for: profile, scope: page.0, embeds: page.1, documents: documents)
                try staging?.write(rendered.web, to: path, folders: &folders)
                outcome.files.append(
                    ManifestEntry(
                        path: path, customer: profile.id, kind: compiled.document.kind.rawValue, inputs: inputs,
                        sha256: InputHasher.digest(rendered.web), warnings: rendered.warnings.isEmpty ? nil : rendered.warnings))
                outcome.pages += 1
                if let printPage = rendered.print {
                    try staging?.write(printPage, to: printPath, folders: &folders)
                    outcome.files.append(
                        ManifestEntry(path: printPath, customer: profile.id, kind: "print", inputs: printInputs, sha256: InputHasher.digest(printPage)))
                    outcome.pages += 1
                }
                outcome.diagnostics += rendered.warnings
            } catch let error as DiagnosticList {
                outcome.diagnostics += error.diagnostics
            } catch let error as Diagnostic {
                // A notes file that changed fails every page: say so once.
                if !outcome.diagnostics.contains(error) { outcome.diagnostics.append(error) }
            } catch {
                outcome.diagnostics.append(.error("\(error)", at: nil, customer: profile.id))
            }
        }
        do {
            let inputs = InputHasher.digest(customerInputs + documents.map(\.sourceHash).joined())
            let hub = try SiteWriter.reuseOrWrite(
                SitePaths.hub(profile.slug), kind: "customer", customer: profile.id, inputs: inputs, staging: staging, previous: previous,
                folders: &folders
            ) { () throws(Diagnostic) in
                let page = try pageScope.get()
                return page.1.resolve(bytes: try renderer.hub(for: profile, scope: page.0, newsletters: newsletters, reviews: reviews))
            }
            outcome.files.append(hub.entry)
            outcome.reused += hub.reused ? 1 : 0
            outcome.pages += 1
        } catch {
            if !outcome.diagnostics.contains(error) { outcome.diagnostics.append(error) }
        }
        if let spool {
            do {
                (outcome.spooled, outcome.files) = try spool.store(outcome.files, slug: profile.slug)
            } catch {
                outcome.diagnostics.append(error)
            }
        }
        outcome.dashboardRow = DashboardRow(scope: scope, profile: profile, cadence: site.config.thresholds.checkinCadenceDays)
        return outcome
    }

    /// The report of a build that found nothing changed and wrote nothing:
    /// the previous build's warnings again (and, with --strict, its failure).
    private func upToDate(previous: PreviousBuild, started: Date) throws(DiagnosticList) -> BuildReport {
        if options.strict, !previous.warnings.isEmpty {
            throw DiagnosticList(previous.warnings.map { var error = $0; error.severity = .error; return error })
        }
        let pages = previous.entries.values.filter { $0.kind != "asset" }.count
        let customers = Set(previous.entries.values.compactMap(\.customer)).count
        return BuildReport(
            customers: customers, pages: pages, reused: pages, upToDate: true, files: previous.entries.count + 1,
            warnings: previous.warnings, skippedCustomers: [], seconds: Date().timeIntervalSince(started))
    }
}
