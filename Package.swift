// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "huzhu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "huzhu", targets: ["huzhu"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // Production: the domain, the platform, the features and their composition.
        .target(name: "HuzhuCore"),
        .target(
            name: "HuzhuPlatform",
            dependencies: [
                "HuzhuCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(name: "HuzhuOrg", dependencies: ["HuzhuPlatform"], resources: [.copy("Resources/openapi.json")]),
        .target(name: "HuzhuIntake", dependencies: ["HuzhuOrg"], resources: [.copy("Resources/openapi.json")]),
        .target(
            name: "HuzhuCases",
            dependencies: ["HuzhuIntake", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources/openapi.json")]
        ),
        .target(
            name: "HuzhuIndicators",
            dependencies: ["HuzhuOrg", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources/openapi.json")]
        ),
        .target(name: "HuzhuEnterprise", dependencies: ["HuzhuIntake"]),
        .target(name: "HuzhuVolunteers", dependencies: ["HuzhuOrg"], resources: [.copy("Resources/openapi.json")]),
        .target(name: "HuzhuWorkerNetwork", dependencies: ["HuzhuIntake"], resources: [.copy("Resources/openapi.json")]),
        .target(name: "HuzhuApp", dependencies: ["HuzhuOrg", "HuzhuIntake", "HuzhuCases", "HuzhuIndicators", "HuzhuEnterprise",
                                                 "HuzhuVolunteers", "HuzhuWorkerNetwork"]),
        // The server; it also carries the generator's command (`huzhu generate`), which production never runs.
        .executableTarget(name: "huzhu", dependencies: ["HuzhuApp", "HuzhuGenerate", .product(name: "NIOCore", package: "swift-nio"),
                                                       .product(name: "NIOPosix", package: "swift-nio")]),

        // Tooling: the synthetic network for benchmarks, and the figures enterprise reports show, for the
        // independent audit in Tests/audit.
        .target(name: "HuzhuGenerate", dependencies: ["HuzhuCases", "HuzhuEnterprise"]),
        .executableTarget(name: "report-figures", dependencies: ["HuzhuCore"], path: "Tests/audit/report-figures"),

        // Tests: each feature's own, and the whole application's (pages, API, policy matrix).
        .testTarget(name: "HuzhuCoreTests", dependencies: ["HuzhuCore"]),
        .testTarget(name: "HuzhuPlatformTests", dependencies: ["HuzhuPlatform"]),
        .testTarget(name: "HuzhuOrgTests", dependencies: ["HuzhuOrg"]),
        .testTarget(name: "HuzhuIntakeTests", dependencies: ["HuzhuIntake"]),
        .testTarget(name: "HuzhuCasesTests", dependencies: ["HuzhuCases"]),
        .testTarget(name: "HuzhuIndicatorsTests", dependencies: ["HuzhuIndicators"]),
        .testTarget(name: "HuzhuEnterpriseTests", dependencies: ["HuzhuEnterprise"]),
        .testTarget(
            name: "HuzhuAppTests",
            dependencies: ["HuzhuApp", "HuzhuGenerate", .product(name: "VaporTesting", package: "vapor")]
        ),
    ]
)
