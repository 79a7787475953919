import FalxFuzzing
import Foundation

func say(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// The target, from `FALX_FUZZ_TARGET` (default `any`).
let fuzzTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["FALX_FUZZ_TARGET"] ?? "any"
    guard let t = FuzzTarget(rawValue: name) else {
        say("falx-fuzz: unknown FALX_FUZZ_TARGET \(name); one of \(FuzzTarget.allCases.map(\.rawValue))")
        exit(2)
    }
    return t
}()

/// libFuzzer's entry point: a broken invariant stops the fuzzer like a crash, with its reason.
@_cdecl("LLVMFuzzerTestOneInput")
public func falxFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        try FuzzHarness.run(fuzzTarget, bytes)
    } catch {
        say("falx-fuzz: invariant broken (\(fuzzTarget.rawValue)): \(error)")
        abort()
    }
    return 0
}

#if FUZZING
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// SwiftPM links an executable's entry point under this name; it hands control to libFuzzer.
    @_cdecl("falx_fuzz_main")
    func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv, falxFuzzOne)
    }
#else
    /// Without libFuzzer (a plain `swift build`): replays the files named on the command line.
    @main struct FuzzReplay {
        static func main() {
            var failed = 0
            for path in CommandLine.arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    say("falx-fuzz: cannot read \(path)")
                    failed += 1
                    continue
                }
                do {
                    try FuzzHarness.run(fuzzTarget, Array(data))
                } catch {
                    say("\(path): \(error)")
                    failed += 1
                }
            }
            exit(failed == 0 ? 0 : 1)
        }
    }
#endif
