// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PartnershipPlaybook",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "playbook", targets: ["playbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .target(name: "PlaybookCore"),
        .target(name: "PlaybookTUI", dependencies: ["PlaybookCore"]),
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "PlaybookTerminal", dependencies: ["PlaybookTUI", "PlaybookCore", "CNcursesw"]),
        .executableTarget(
            name: "playbook",
            dependencies: [
                "PlaybookCore",
                "PlaybookTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PlaybookCoreTests",
            dependencies: [
                "PlaybookCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "PlaybookTUITests",
            dependencies: ["PlaybookTUI", "PlaybookCore"]
        ),
        .testTarget(
            name: "PlaybookCLITests",
            dependencies: [
                "PlaybookCore",
                "playbook",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
