// swift-tools-version:6.1
import PackageDescription

// The pipeline, one module per stage:
//   fetch → parse → dedup → tag/match (rules) → store (archive) → notify,
// driven by the daemon's scheduler. The CLI is a thin layer over the daemon.
let package = Package(
    name: "Wirewatch",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "wirewatch", targets: ["WirewatchCLI"]),
        .executable(name: "wirewatch-bench-archive", targets: ["ArchiveBenchmark"]),
        .executable(name: "wirewatch-bench-parse", targets: ["ParseBenchmark"]),
        .executable(name: "wirewatch-fuzz-parse", targets: ["ParserFuzzer"]),
        .executable(name: "wirewatch-bench-rules", targets: ["RulesBenchmark"]),
        .library(name: "WirewatchDaemon", targets: ["WirewatchDaemon"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // libxml2 from the system (Debian: libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        // Value types shared by every stage: Item, Enclosure, FeedInfo, Alert.
        .target(name: "WirewatchCore"),

        // fetch: http(s) through AsyncHTTPClient, file:// and plain paths.
        .target(
            name: "WirewatchFetch",
            dependencies: [
                "WirewatchCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),

        // parse: RSS 0.9x/1.0/2.0 and Atom through libxml2's SAX2 push parser.
        .target(name: "WirewatchParse", dependencies: ["WirewatchCore", "CLibXML2"]),

        // dedup: item identity and canonical links.
        .target(name: "WirewatchDedup", dependencies: ["WirewatchCore", "CMinHash"]),
        // MinHash's inner loop, vectorised (AVX-512 or AVX2, chosen at run time).
        .target(name: "CMinHash"),

        // tag + match: the query language and the compiled rule set.
        .target(name: "WirewatchRules", dependencies: ["WirewatchCore", "CPrefetch"]),
        // A cache-prefetch hint for the matcher's table lookups (header only).
        .target(name: "CPrefetch"),

        // store: the SQLite archive (GRDB, WAL).
        .target(
            name: "WirewatchArchive",
            dependencies: [
                "WirewatchCore",
                "WirewatchDedup",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API for the story keys' bulk statements (Statement+Int64Binding).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),

        // notify: alert sinks (terminal, alert log, jsonl, exec, webhook, ntfy, email, desktop).
        .target(
            name: "WirewatchNotify",
            dependencies: [
                "WirewatchCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),

        // The TOML config file, validated with file and line.
        .target(
            name: "WirewatchConfig",
            dependencies: [
                "WirewatchCore",
                "WirewatchRules",
                "WirewatchNotify",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),

        // The daemon: scheduler and the pipeline that drives every stage.
        .target(
            name: "WirewatchDaemon",
            dependencies: [
                "WirewatchCore", "WirewatchFetch", "WirewatchParse", "WirewatchDedup",
                "WirewatchRules", "WirewatchArchive", "WirewatchNotify", "WirewatchConfig",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                // Prometheus metrics (`[metrics]`): recorded through swift-metrics, served by a tiny NIO listener.
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),

        .executableTarget(
            name: "WirewatchCLI",
            dependencies: [
                "WirewatchDaemon", "WirewatchArchive", "WirewatchRules", "WirewatchNotify", "WirewatchParse",
                "WirewatchConfig", "WirewatchCore",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Benchmarks: run in release (`swift run -c release wirewatch-bench-…`), never in tests.
        .executableTarget(
            name: "ArchiveBenchmark",
            dependencies: [
                "WirewatchArchive", "WirewatchDedup", "WirewatchCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Benchmarks/ArchiveBenchmark"
        ),

        .target(name: "CSAXFloor", dependencies: ["CLibXML2"], path: "Benchmarks/CSAXFloor"),
        .executableTarget(
            name: "ParseBenchmark",
            dependencies: ["WirewatchCore", "WirewatchParse", "CSAXFloor"],
            path: "Benchmarks/ParseBenchmark"
        ),

        .executableTarget(name: "RulesBenchmark", dependencies: ["WirewatchRules"], path: "Benchmarks/RulesBenchmark"),

        // libFuzzer target: built only by scripts/fuzz-parser (-sanitize=fuzzer,address).
        .executableTarget(name: "ParserFuzzer", dependencies: ["WirewatchParse"], path: "Fuzz/ParserFuzzer"),

        // Shared by all test targets: a loopback HTTP feed server and fixtures.
        .target(
            name: "WirewatchTesting",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),

        .testTarget(name: "WirewatchParseTests", dependencies: ["WirewatchParse", "WirewatchTesting"]),
        .testTarget(name: "WirewatchRulesTests", dependencies: ["WirewatchRules"]),
        .testTarget(
            name: "WirewatchDedupTests",
            dependencies: ["WirewatchDedup"],
            resources: [.copy("StoryEval")]
        ),
        .testTarget(
            name: "WirewatchArchiveTests",
            dependencies: [
                "WirewatchArchive", "WirewatchTesting",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "WirewatchFetchTests",
            dependencies: [
                "WirewatchFetch", "WirewatchCore", "WirewatchTesting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "WirewatchNotifyTests",
            dependencies: [
                "WirewatchNotify", "WirewatchCore", "WirewatchTesting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "WirewatchConfigTests",
            dependencies: ["WirewatchConfig", "WirewatchRules", "WirewatchCore", "WirewatchTesting"]
        ),
        .testTarget(
            name: "WirewatchDaemonTests",
            dependencies: [
                "WirewatchDaemon", "WirewatchNotify", "WirewatchConfig", "WirewatchArchive", "WirewatchTesting",
                "WirewatchParse",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
