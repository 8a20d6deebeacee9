import Foundation

extension PrintInliner {
    /// Reads assets from `folder` (the site's `Content/assets`), as the
    /// asset copier publishes them: regular files only, never through a
    /// symbolic link or a hidden name, so nothing outside the folder is read.
    static func assets(in folder: URL) -> PrintAssetResolver {
        let root = folder.standardizedFileURL
        return { relativePath in
            let segments = relativePath.split(separator: "/", omittingEmptySubsequences: false)
            guard !segments.isEmpty, segments.allSatisfy(AssetReference.isPublishedName), !segments.contains("..") else { return nil }
            var url = root
            for (index, segment) in segments.enumerated() {
                url.appendPathComponent(String(segment))
                // attributesOfItem does not follow a link, so a link reads as a link.
                let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
                let expected: FileAttributeType = index == segments.count - 1 ? .typeRegular : .typeDirectory
                guard type == expected else { return nil }
            }
            return try? Data(contentsOf: url)
        }
    }
}
