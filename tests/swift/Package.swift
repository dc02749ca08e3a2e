// swift-tools-version:5.7
// The Swift tests of the posfee bindings: every conformance vector in
// tests/vectors through the Swift package mobile-ffi/bindings/posfee-swift.
// Run (scripts/test-mobile.sh does it where `swift` exists):
//   cargo build -p posfee-ffi
//   cd tests/swift && LD_LIBRARY_PATH=$PWD/../../target/debug swift test -Xlinker -L$PWD/../../target/debug
import PackageDescription

let package = Package(
    name: "PosfeeTests",
    dependencies: [.package(path: "../../mobile-ffi/bindings/posfee-swift")],
    targets: [
        .testTarget(
            name: "PosfeeVectorTests",
            dependencies: [.product(name: "Posfee", package: "posfee-swift")],
            path: "Tests/PosfeeVectorTests"
        ),
    ]
)
