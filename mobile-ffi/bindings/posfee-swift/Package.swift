// swift-tools-version:5.7
// The Swift package of posfee: the generated bindings (Sources/Posfee, from
// `scripts/test-mobile.sh --write`) over the Rust library posfee_ffi.
//
// Two ways to link the Rust library:
//  * iOS / macOS apps: build posfeeFFI.xcframework next to this file (see
//    mobile-ffi/README.md); it is then used as a binary target.
//  * Linux or macOS command line: build the library with cargo and tell the
//    linker where it is:
//      cargo build -p posfee-ffi
//      swift build -Xlinker -L<repo>/target/debug
//    (at run time the dynamic loader must find libposfee_ffi too:
//    LD_LIBRARY_PATH on Linux, DYLD_LIBRARY_PATH on macOS).
import Foundation
import PackageDescription

let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let useXCFramework = FileManager.default.fileExists(
    atPath: here.appendingPathComponent("posfeeFFI.xcframework").path)

let ffi: Target = useXCFramework
    ? .binaryTarget(name: "posfeeFFI", path: "posfeeFFI.xcframework")
    : .systemLibrary(name: "posfeeFFI", path: "Sources/posfeeFFI")

let package = Package(
    name: "Posfee",
    platforms: [.iOS(.v13), .macOS(.v10_15)],
    products: [.library(name: "Posfee", targets: ["Posfee"])],
    targets: [
        ffi,
        .target(name: "Posfee", dependencies: ["posfeeFFI"], path: "Sources/Posfee"),
    ]
)
