// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "rapport",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rapport", targets: ["RapportCLI"]),
        .library(name: "RapportCore", targets: ["RapportCore"]),
        .library(name: "RapportMarkdown", targets: ["RapportMarkdown"]),
        .library(name: "RapportPreview", targets: ["RapportPreview"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [
                .apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]),
                .brew(["cmark-gfm"]),
            ]
        ),
        .target(name: "CRapportSupport"),
        .target(
            name: "RapportMarkdown",
            dependencies: ["CCmarkGFM"]
        ),
        .target(
            name: "RapportCore",
            dependencies: [
                "RapportMarkdown",
                "CRapportSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "RapportPreview",
            dependencies: [
                "RapportCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "RapportCLI",
            dependencies: [
                "RapportCore",
                "RapportMarkdown",
                "RapportPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The cost of one template tag: swift run -c release TemplateCost (Benchmarks/README.md).
        .executableTarget(
            name: "TemplateCost",
            dependencies: ["RapportCore"],
            path: "Benchmarks/TemplateCost"
        ),
        // Helpers more than one test target uses: seeded random inputs, and
        // scratch folders under one per-process root removed at exit.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "RapportMarkdownTests",
            dependencies: ["RapportMarkdown", "TestSupport"]
        ),
        .testTarget(
            name: "RapportCoreTests",
            dependencies: [
                "RapportCore",
                "TestSupport",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "RapportPreviewTests",
            dependencies: [
                "RapportPreview",
                "RapportCore",
                "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "RapportCLITests",
            // Yams reads the CI examples in docs/examples/ as their runners would.
            dependencies: ["RapportCore", "TestSupport", .product(name: "Yams", package: "Yams")]
        ),
    ]
)
