import Foundation

/// The files a build's manifest lists, for readers outside the build (the
/// preview's customer switcher), so they follow the manifest into its
/// part files instead of reading `manifest.json` by their own rules.
public enum OutputManifest {
    public struct File: Sendable, Hashable {
        public let path: String
        public let customer: String?
        public let kind: String
    }

    /// Every file the manifest in `output` lists, in its order; empty when
    /// there is none or it cannot be read.
    public static func files(in output: URL) -> [File] {
        ManifestReader.read(from: output)?.files.map { File(path: $0.path, customer: $0.customer, kind: $0.kind) } ?? []
    }
}
