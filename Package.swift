// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Evalbook",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "evalbook", targets: ["evalbook"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        // Five libraries, one target: pkg-config's libzstd supplies the search paths, which
        // Debian (and Homebrew) share for all of them; the module map links each.
        .systemLibrary(
            name: "CCodecs", pkgConfig: "libzstd",
            providers: [
                .apt(["libzstd-dev", "libsnappy-dev", "liblz4-dev", "zlib1g-dev", "libbrotli-dev"]),
                .brew(["zstd", "snappy", "lz4", "zlib", "brotli"]),
            ]),
        .target(
            name: "EvalData",
            dependencies: ["CCodecs", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "EvalMetrics"),
        .target(name: "EvalModels"),
        .target(
            name: "EvalLang",
            dependencies: [
                "EvalData", "EvalMetrics", "EvalModels", "EvalSQL",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(name: "EvalSQL", dependencies: ["EvalData", "EvalMetrics"]),
        .target(
            name: "EvalPostgres",
            dependencies: ["EvalSQL", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .target(
            name: "EvalNotebook",
            dependencies: [
                "EvalLang", "EvalData", "EvalSQL", "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .executableTarget(
            name: "evalbook",
            dependencies: [
                "EvalNotebook", "EvalLang", "EvalData", "EvalSQL", "EvalPostgres", "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "EvalDataTests", dependencies: ["EvalData"], resources: [.copy("Fixtures")]),
        .testTarget(name: "EvalMetricsTests", dependencies: ["EvalMetrics"], resources: [.copy("Fixtures")]),
        .testTarget(name: "EvalModelsTests", dependencies: ["EvalModels"], resources: [.copy("Fixtures")]),
        .testTarget(name: "EvalLangTests", dependencies: ["EvalLang", "EvalData"], resources: [.copy("Cases")]),
        .testTarget(
            name: "EvalNotebookTests", dependencies: ["EvalNotebook", "EvalLang", "evalbook"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "EndToEndTests", dependencies: ["evalbook", "EvalLang"]),
        .testTarget(name: "EvalSQLTests", dependencies: ["EvalSQL", "EvalData"]),
        .testTarget(
            name: "EvalPostgresTests",
            dependencies: [
                "EvalPostgres", "EvalSQL", "EvalLang", "EvalData", "EvalMetrics", "EvalNotebook", "evalbook",
            ],
            exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
