// The cost of one Mustache tag in rapport's engine (issue 11's
// microbenchmark, target: at most 200 ns per tag):
//
//   swift run -c release TemplateCost [pages]
//
// Prints the median of 7 runs of `pages` pages (default 200,000).
import Foundation
import RapportCore

let pages = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 200_000
_ = try TemplateCostProbe.run(pages: 1_000)  // warm up: caches, the output buffer's growth
var runs: [TemplateCostProbe.Result] = []
for _ in 0..<7 { runs.append(try TemplateCostProbe.run(pages: pages)) }
runs.sort { $0.nanosecondsPerTag < $1.nanosecondsPerTag }
let median = runs[runs.count / 2]
let tagsPerPage = median.tags / max(1, median.pages)
print(
    String(
        format: "%d pages, %d tags a page, %.0f bytes a page: median %.1f ns per tag (%.2f µs per page; runs %.1f to %.1f ns)",
        median.pages, tagsPerPage, Double(median.bytes) / Double(median.pages), median.nanosecondsPerTag,
        median.seconds * 1e6 / Double(median.pages), runs.first!.nanosecondsPerTag, runs.last!.nanosecondsPerTag))
