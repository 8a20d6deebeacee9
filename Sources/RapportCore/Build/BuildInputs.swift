import Foundation

/// What a build's pages are made from, as digests: equal to the previous
/// build's means a page (or the whole build) can be reused. The rules for
/// each page's own inputs live beside the page (`SiteBuilder.renderCustomer`,
/// `SitePageRenderer.jobs`); these are the per-customer and whole-build ones.
enum BuildInputs {
    /// Every customer's `customerHash`, in parallel. Held for the whole
    /// render as 32-byte digests: as hex strings they took about 110 bytes
    /// of heap each.
    static func customerHashes(_ site: LoadedSite, workers: Int = ProcessInfo.processInfo.activeProcessorCount) -> [Digest] {
        ParallelMap.map(site.customers, workers: workers) { customerHash($0, site: site) }
    }

    /// Everything one customer's pages are made from besides the shared
    /// inputs: their record, notes and metrics.
    static func customerHash(_ profile: CustomerProfile, site: LoadedSite) -> Digest {
        var text = InputHasher.canonical(profile.record.fields)
        text += "|slug=\(profile.slug)|last_contact=\(profile.lastContact?.description ?? "")"
        if let notes = site.notes[profile.id] { text += "|notes=" + notes.sourceHash.description }
        if let metrics = site.metrics { text += "|metrics=" + metrics.fingerprint(for: profile.id) }
        return InputHasher.digest(text)
    }

    /// A digest of every input of the whole build: equal to the previous
    /// build's means there is nothing to do.
    static func whole(site: LoadedSite, customerHashes: [Digest], options: BuildOptions) -> String {
        var text = site.sharedInputsHash
        text += "|only=" + options.only.joined(separator: ",")
        if let shard = options.shard { text += "|shard=\(shard)" }
        for document in site.newsletters + site.reviews { text += "|doc=\(document.document.path):\(document.sourceHash)" }
        for (profile, hash) in zip(site.customers, customerHashes) { text += "|\(profile.id)=\(hash)" }
        text += "|assets=" + site.assetsFingerprint
        return InputHasher.hash(text)
    }
}
