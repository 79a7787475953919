// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Falx",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "falx", targets: ["falx"]),
        .library(
            name: "FalxKit",
            targets: ["FalxIngest", "FalxText", "FalxClinical", "FalxCore", "FalxAudit", "FalxPseudonym", "FalxReport"]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "FalxText"),
        .target(name: "FalxIngest", dependencies: ["CLibXML2", "CZlib"]),
        // The default lexicon's data file is compiled in (scripts/generate-lexicon.py), not a resource.
        .target(name: "FalxClinical", dependencies: ["FalxText", "FalxCore"], exclude: ["Resources"]),
        .target(name: "FalxCore"),
        .target(name: "FalxAudit", dependencies: ["FalxIngest", "FalxText", "FalxClinical", "FalxCore"]),
        .target(name: "FalxFuzzing", dependencies: ["FalxIngest", "FalxText", "FalxClinical", "FalxAudit"]),
        // libFuzzer harnesses; `scripts/fuzz.sh` builds it with -sanitize=fuzzer,address -DFUZZING.
        .executableTarget(name: "falx-fuzz", dependencies: ["FalxFuzzing"]),
        .target(
            name: "FalxPseudonym", dependencies: ["FalxAudit", "FalxIngest", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "FalxReport", dependencies: ["FalxAudit", "FalxCore", "FalxIngest"]),
        .executableTarget(
            name: "falx",
            dependencies: [
                "FalxIngest", "FalxText", "FalxClinical", "FalxCore", "FalxAudit", "FalxPseudonym", "FalxReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers the test suites share (a seeded PRNG); not part of the product.
        .target(name: "FalxTestSupport", path: "Tests/FalxTestSupport"),
        .testTarget(name: "CLibXML2Tests", dependencies: ["CLibXML2", "FalxIngest"]),
        .testTarget(name: "FalxTextTests", dependencies: ["FalxText", "FalxClinical", "FalxTestSupport"]),
        .testTarget(
            name: "FalxIngestTests", dependencies: ["FalxIngest", "FalxTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "FalxClinicalTests", dependencies: ["FalxClinical", "FalxText"]),
        .testTarget(name: "FalxCoreTests", dependencies: ["FalxCore"]),
        .testTarget(
            name: "FalxAuditTests", dependencies: ["FalxAudit", "FalxCore", "FalxClinical", "FalxIngest", "FalxTestSupport"]),
        .testTarget(name: "FalxPseudonymTests", dependencies: ["FalxPseudonym", "FalxAudit"]),
        .testTarget(
            name: "FalxReportTests", dependencies: ["FalxReport", "FalxAudit", "FalxCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "FalxCLITests", dependencies: ["FalxAudit", "FalxCore", "falx"], exclude: ["Fixtures"]),
        .testTarget(name: "FalxFuzzingTests", dependencies: ["FalxFuzzing"], resources: [.copy("Fixtures")]),
    ]
)
