// swift-tools-version:6.0
import PackageDescription

/// The scanning hot path (the detector's per-thread scratch, the regex driver, the record readers) is
/// built without run-time exclusivity checks: they cost about 6% of a scan in `swift_beginAccess` and
/// thread-local access sets (measured with perf on a CSV scan), and these modules' state is per thread by
/// design. The same holds for the text scanner, the run's per-finding bookkeeping and the CLI's printer,
/// whose state is owned by the thread that hands findings on in order: there the checks were 330 of the
/// 3,300 instructions a printed finding cost. Debug builds keep the checks, so the test suite still catches
/// a violation.
let hotPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "Blackbar",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "blackbar", targets: ["blackbar"]),
        .library(name: "BlackbarCore", targets: ["BlackbarCore"]),
        .library(name: "BlackbarRules", targets: ["BlackbarRules"]),
        .library(name: "BlackbarPipeline", targets: ["BlackbarPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // A module map and a shim header over Debian's libpcre2-8.
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        // Our only C code: byte classes sixteen bytes at a time (SSE2 bit masks, which Swift cannot write) for
        // the detector's context-word and masking passes.
        .target(name: "CBlackbarSIMD"),
        // The only Swift code that touches PCRE2.
        .target(name: "BlackbarRegex", dependencies: ["CPCRE2"], swiftSettings: hotPath),
        // Growable byte buffers written through a pointer (no dependencies: the record readers' fuzz targets
        // compile it with them).
        .target(name: "BlackbarBytes", swiftSettings: hotPath),
        // Pure checksum and structure checks over bytes.
        .target(name: "BlackbarValidators"),
        // Findings, rules, the detector: no formats, no CLI.
        .target(
            name: "BlackbarCore", dependencies: ["BlackbarBytes", "BlackbarRegex", "BlackbarValidators", "CBlackbarSIMD"],
            swiftSettings: hotPath),
        // YAML rule packs, the embedded default pack, the example harness.
        .target(
            name: "BlackbarRules",
            dependencies: [
                "BlackbarCore", "BlackbarRegex", "BlackbarValidators", "BlackbarRedaction", "Yams",
                .product(name: "Crypto", package: "swift-crypto")]),
        // Byte-level record readers and writers (CSV/TSV, JSON, JSON Lines): only BlackbarBytes, so the fuzz
        // targets (`scripts/fuzz.sh`) compile the two alone with `-sanitize=fuzzer`.
        .target(name: "BlackbarRecords", dependencies: ["BlackbarBytes"], swiftSettings: hotPath),
        // zlib, for compressed metadata (PNG zTXt/iTXt, deflated PDF streams, ZIP entries of office files).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Byte-level metadata readers and rewriters (JPEG, PNG, TIFF, WebP, ISO BMFF, PDF, office files): only
        // zlib, so the fuzz targets (`scripts/fuzz.sh`) compile it alone with `-sanitize=fuzzer`.
        .target(name: "BlackbarMetadata", dependencies: ["CZlib"]),
        // Sources and writers: streamed text now; CSV, JSON and metadata later.
        .target(name: "BlackbarFormats", dependencies: ["BlackbarCore", "CBlackbarSIMD"], swiftSettings: hotPath),
        // Operators and the redactor.
        .target(
            name: "BlackbarRedaction",
            dependencies: ["BlackbarCore", "BlackbarValidators", .product(name: "Crypto", package: "swift-crypto")]),
        // Regulation taxonomy and the risk log.
        .target(
            name: "BlackbarRisk",
            dependencies: ["BlackbarCore", "BlackbarValidators", "Yams", .product(name: "Crypto", package: "swift-crypto")]),
        // A run: sources, detector, policy, writers and risk events wired together; what the CLI calls.
        .target(
            name: "BlackbarPipeline",
            dependencies: [
                "BlackbarCore", "BlackbarFormats", "BlackbarMetadata", "BlackbarRecords", "BlackbarRedaction", "BlackbarRisk",
                "BlackbarRules", "BlackbarValidators", "CBlackbarSIMD", .product(name: "Crypto", package: "swift-crypto"),
            ], swiftSettings: hotPath),
        .executableTarget(
            name: "blackbar",
            dependencies: [
                "BlackbarBytes", "BlackbarCore", "BlackbarRules", "BlackbarFormats", "BlackbarMetadata", "BlackbarRedaction",
                "BlackbarRisk", "BlackbarValidators", "BlackbarPipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ], swiftSettings: hotPath),
        // `swift run -c release blackbar-bench`: generated corpus, MB/s per core, per rule, peak memory.
        .executableTarget(name: "blackbar-bench", dependencies: ["BlackbarCore", "BlackbarRules", "BlackbarFormats"]),
        .testTarget(name: "BlackbarValidatorsTests", dependencies: ["BlackbarValidators"]),
        .testTarget(name: "BlackbarRegexTests", dependencies: ["BlackbarRegex"]),
        .testTarget(name: "BlackbarRecordsTests", dependencies: ["BlackbarRecords", "BlackbarBytes"]),
        .testTarget(name: "BlackbarMetadataTests", dependencies: ["BlackbarMetadata"]),
        .testTarget(
            name: "BlackbarEngineTests",
            dependencies: [
                "BlackbarCore", "BlackbarRules", "BlackbarFormats", "BlackbarRedaction", "BlackbarRisk", "BlackbarValidators",
                "BlackbarPipeline", "CBlackbarSIMD",
            ]),
        .testTarget(name: "BlackbarRulesTests", dependencies: ["BlackbarRules", "BlackbarCore", "BlackbarRisk"]),
        .testTarget(
            name: "BlackbarPipelineTests",
            dependencies: ["BlackbarPipeline", "BlackbarCore", "BlackbarRules", "BlackbarRedaction", "BlackbarRisk"]),
        .testTarget(name: "BlackbarCLITests", dependencies: ["blackbar"]),
    ]
)
