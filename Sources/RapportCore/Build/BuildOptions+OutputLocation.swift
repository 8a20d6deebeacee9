import Foundation

extension BuildOptions {
    /// Refuses outputs that would overwrite the site itself.
    func checkOutputLocation() throws(DiagnosticList) {
        let site = siteDirectory.resolvingSymlinksInPath().path
        let output = outputDirectory.resolvingSymlinksInPath().path
        if output == site || site.hasPrefix(output + "/") || output == "/" {
            throw DiagnosticList([
                .error("the output folder must not be the site folder or contain it", at: SourceLocation(path: outputDirectory.path))
            ])
        }
        for protected in ["Content", "Layouts"] where output == site + "/" + protected || output.hasPrefix(site + "/" + protected + "/") {
            throw DiagnosticList([
                .error("the output folder must not be inside \(protected)/", at: SourceLocation(path: outputDirectory.path))
            ])
        }
    }
}
