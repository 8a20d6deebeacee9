import Foundation

/// A hash of the bytes of every file a build reads, computed before any of
/// them is parsed: when it matches the previous build's, nothing can have
/// changed and the build stops there. Parsing notes and metrics of a large
/// book costs far more than hashing them.
enum SourceDigest {
    static func compute(options: BuildOptions, config: SiteConfig) -> String {
        var text = "rapport \(RapportVersion.current)|today \(options.today)|only \(options.only.joined(separator: ","))"
        text += "|strict \(options.strict)|skip \(options.skipInvalid)"
        let site = options.siteDirectory.path
        var files = [SiteConfig.fileName, config.records.customers, config.records.metrics]
        for folder in ["Content", "Layouts"] {
            for relative in FileManager.default.subpaths(atPath: site + "/" + folder) ?? [] {
                files.append(folder + "/" + relative)
            }
        }
        let hashes = ParallelMap.map(Array(Set(files)).sorted(), workers: options.jobs) { relative -> String in
            let path = relative.hasPrefix("/") ? relative : site + "/" + relative
            guard let data = FileManager.default.contents(atPath: path) else { return "\(relative):-" }
            return "\(relative):\(InputHasher.hash(data))"
        }
        return InputHasher.hash(text + "|" + hashes.joined(separator: "|"))
    }
}
