import Foundation
import RapportCore

/// Runs one build the way `rapport build` does, prints what the CLI would
/// print, and records the outcome so pages reload or show the errors.
struct PreviewRebuilder: Sendable {
    let configuration: PreviewConfiguration
    let state: PreviewState

    /// Builds, logs and records; returns the recorded status.
    @discardableResult
    /// `reloading`, run after a good build, names the open pages that must
    /// reload (nil: all of them).
    func rebuild(
        verb: String = "Rebuilt", isCancelled: @escaping @Sendable () -> Bool = { false },
        reloading: @escaping @Sendable () -> Set<String>? = { nil }
    ) async -> BuildStatus {
        let options = configuration.buildOptions(isCancelled: isCancelled)
        // The build blocks (it fans out on Dispatch); keep it off the cooperative pool.
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<BuildReport, DiagnosticList>, Never>) in
            DispatchQueue.global().async {
                continuation.resume(
                    returning: Result { () throws(DiagnosticList) -> BuildReport in try SiteBuilder(options: options).build() })
            }
        }
        let log = configuration.log
        switch result {
        case .success(let report):
            for warning in report.warnings { log(warning.description) }
            log("\(verb) \(report.summary)")
            state.record(.succeeded, reloading: reloading())
            return .succeeded
        case .failure(let list):
            if isCancelled() { return state.status }
            for diagnostic in list.diagnostics { log(diagnostic.description) }
            let count = list.errors.count
            log("build failed: \(count) error\(count == 1 ? "" : "s"); still serving the last good build")
            state.record(.failed(list.diagnostics))
            return .failed(list.diagnostics)
        }
    }
}
