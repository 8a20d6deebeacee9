extension LoadedSite {
    /// The newsletters and the reviews `profile` receives, in site order:
    /// each page links the others, and its warnings are reported in this order.
    func documents(for profile: CustomerProfile) -> (newsletters: [CompiledDocument], reviews: [CompiledDocument]) {
        (
            newsletters.filter { $0.document.frontMatter.audience.includes(profile.record.fields) },
            reviews.filter { $0.document.frontMatter.audience.includes(profile.record.fields) }
        )
    }
}
