import Foundation
import RapportCore
import Testing

@Suite struct VersionCommandTests {
    @Test func versionPrintsRapportAndCmarkVersionsAndExitsZero() throws {
        let result = try RapportProcess.run(["--version"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("rapport \(RapportVersion.current) (cmark-gfm "), "\(result)")
        #expect(result.stdout.wholeMatch(of: /rapport \d+\.\d+\.\d+ \(cmark-gfm \d+\.\d+\.\d+\.gfm\.\d+\)\n/) != nil, "\(result)")
        #expect(result.stderr == "")
    }

    @Test func binaryIsFound() {
        #expect(RapportBinary.url != nil, "\(RapportBinary.notFoundMessage)")
    }
}
