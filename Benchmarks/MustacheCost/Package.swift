// swift-tools-version:6.0
import PackageDescription

// What one tag costs in swift-mustache, whatever the view model is made of:
// `swift run -c release --package-path Benchmarks/MustacheCost`.
let package = Package(
    name: "MustacheCost",
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1")
    ],
    targets: [
        .executableTarget(name: "MustacheCost", dependencies: [.product(name: "Mustache", package: "swift-mustache")])
    ]
)
