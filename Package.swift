// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "pivault",
    platforms: [.macOS(.v14), .iOS(.v17)],
    products: [
        .executable(name: "pivault", targets: ["pivault"]),
        .executable(name: "pivault-bench", targets: ["pivault-bench"]),
        .library(name: "PIVault", targets: ["PIVault"]),
        .library(name: "HealthCode", targets: ["HealthCode"]),
        .library(name: "TransparencyLog", targets: ["TransparencyLog"]),
        .library(name: "Deidentify", targets: ["Deidentify"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0"),
    ],
    targets: [
        .target(name: "PIVaultCore", swiftSettings: swiftSettings),
        .target(
            name: "PIVaultCrypto",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        .target(
            name: "PIVaultStore",
            dependencies: [
                "TransparencyLog",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        .target(
            name: "TransparencyLog",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        .target(
            name: "Deidentify",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        .target(
            name: "HealthCode",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            swiftSettings: swiftSettings),
        .target(
            name: "PIVault",
            dependencies: [
                "PIVaultCore", "PIVaultCrypto", "PIVaultStore", "TransparencyLog", "Deidentify", "HealthCode",
                .product(name: "Yams", package: "Yams"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        .target(
            name: "PIVaultServer",
            dependencies: [
                "PIVault", "PIVaultCore", "PIVaultCrypto", "PIVaultStore", "HealthCode", "Deidentify",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            resources: [.copy("Resources/openapi.yaml")],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "pivault",
            dependencies: [
                "PIVault", "PIVaultCore", "PIVaultCrypto", "PIVaultStore", "HealthCode", "TransparencyLog", "Deidentify", "PIVaultServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "pivault-bench",
            dependencies: [
                "PIVault", "PIVaultCore", "PIVaultCrypto", "PIVaultStore", "HealthCode", "TransparencyLog", "Deidentify", "PIVaultServer",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings),
        // Test support shared by the vault and server suites: the engines every vault test runs on, and captured logs.
        .target(
            name: "PIVaultTestSupport",
            dependencies: ["PIVaultStore", .product(name: "Logging", package: "swift-log"), .product(name: "SQLKit", package: "sql-kit")],
            path: "Tests/PIVaultTestSupport",
            swiftSettings: swiftSettings),
        .testTarget(name: "HealthCodeTests", dependencies: ["HealthCode", .product(name: "Crypto", package: "swift-crypto"), .product(name: "X509", package: "swift-certificates")], swiftSettings: swiftSettings),
        .testTarget(name: "TransparencyLogTests", dependencies: ["TransparencyLog", .product(name: "Crypto", package: "swift-crypto")], swiftSettings: swiftSettings),
        .testTarget(name: "DeidentifyTests", dependencies: ["Deidentify", .product(name: "Crypto", package: "swift-crypto")], swiftSettings: swiftSettings),
        .testTarget(name: "PIVaultCoreTests", dependencies: ["PIVaultCore"], swiftSettings: swiftSettings),
        .testTarget(name: "PIVaultCryptoTests", dependencies: ["PIVaultCrypto"], swiftSettings: swiftSettings),
        .testTarget(name: "PIVaultStoreTests", dependencies: ["PIVaultStore", "TransparencyLog", .product(name: "Logging", package: "swift-log"), .product(name: "SQLKit", package: "sql-kit")], swiftSettings: swiftSettings),
        .testTarget(
            name: "PIVaultServerTests",
            dependencies: [
                "PIVaultServer", "PIVault", "PIVaultCore", "PIVaultStore", "TransparencyLog", "HealthCode", "PIVaultTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(name: "PIVaultTests", dependencies: ["PIVault", "PIVaultCore", "PIVaultCrypto", "PIVaultStore", "TransparencyLog", "Deidentify", "HealthCode", "PIVaultTestSupport", .product(name: "Logging", package: "swift-log"), .product(name: "SQLKit", package: "sql-kit")], swiftSettings: swiftSettings),
    ]
)
