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
            let digest = InputHasher.digest(data)
            entries.append(ManifestEntry(path: path, customer: nil, kind: "asset", inputs: digest, sha256: digest))
        }
        return entries
    }
}

extension AssetCopier {
    /// A hash of every asset's name and bytes. Contents, not modification
    /// times: a file restored with its old time (`cp -p`) still counts as
    /// changed, and a fresh clone does not count as a change.
    func fingerprint() -> String {
        let source = siteDirectory.appendingPathComponent("Content/assets")
        let fileManager = FileManager.default
        var text = ""
        for relative in (fileManager.subpaths(atPath: source.path) ?? []).sorted() {
            let file = source.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = try? Data(contentsOf: file)
            else { continue }
            text += "\(relative):\(InputHasher.hash(data));"
        }
        return InputHasher.hash(text)
    }
}
