#if !FUZZING
import Foundation

/// Without libFuzzer (a plain `swift build`), the same entry point runs over the
/// files named on the command line: `wirewatch-fuzz-parse fuzz-artifacts/crash-…`
/// reproduces a crash found by scripts/fuzz-parser.
@main
enum Reproducer {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("cannot read \(path)")
                continue
            }
            let bytes = [UInt8](data)
            _ = bytes.withUnsafeBufferPointer { fuzzParser($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
            print("ok \(path)")
        }
    }
}
#endif
