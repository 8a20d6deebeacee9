import Foundation

/// Copies `Content/assets/` into the output unchanged. Links and hidden
/// files are left out: a link could point anywhere on the machine.
struct AssetCopier {
    let siteDirectory: URL

    func copy(into staging: StagingDirectory) throws(Diagnostic) -> [ManifestEntry] {
        let source = siteDirectory.appendingPathComponent("Content/assets")
        let fileManager = FileManager.default
        guard let paths = fileManager.subpaths(atPath: source.path) else { return [] }
        var entries: [ManifestEntry] = []
        for relative in paths.sorted() {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let file = source.appendingPathComponent(relative)
            guard let attributes = try? fileManager.attributesOfItem(atPath: file.path),
                attributes[.type] as? FileAttributeType == .typeRegular
            else { continue }
            let data: Data
            do {
                data = try Data(contentsOf: file)
            } catch {
                throw .error("cannot read asset: \(error.localizedDescription)", at: SourceLocation(path: "Content/assets/\(relative)"))
            }
            let path = "assets/\(relative)"
            try staging.write(data, to: path)
            let hash = InputHasher.hash(data)
            entries.append(ManifestEntry(path: path, customer: nil, kind: "asset", inputs: hash, sha256: hash))
        }
        return entries
    }
}

extension AssetCopier {
    /// Names, sizes and modification times of the assets: cheap, and enough
    /// to notice an edit without reading every file.
    func fingerprint() -> String {
        let source = siteDirectory.appendingPathComponent("Content/assets")
        let fileManager = FileManager.default
        var text = ""
        for relative in (fileManager.subpaths(atPath: source.path) ?? []).sorted() {
            guard let attributes = try? fileManager.attributesOfItem(atPath: source.appendingPathComponent(relative).path) else { continue }
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            text += "\(relative):\(size):\(modified);"
        }
        return InputHasher.hash(text)
    }
}
