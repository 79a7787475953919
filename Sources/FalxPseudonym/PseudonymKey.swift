import Crypto
import Foundation

/// Why a key file cannot be used; raised before any work starts.
public struct KeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable code: `key-missing`, `key-unreadable`, `key-too-short`, `key-too-long`.
    public var code: String
    public var message: String
    public var description: String { "\(code): \(message)" }
}

/// The secret of pseudonymisation: the raw bytes of a key file, at least 32 of them.
///
/// Make one with `head -c 32 /dev/urandom > falx.key` and keep it apart from the shared audits: whoever
/// holds it can test a guessed identifier against a pseudonym. Every byte of the file is the key (a
/// trailing newline too), so the same file always gives the same pseudonyms.
public struct PseudonymKey: Sendable {
    /// 32 bytes = 256 bits, HMAC-SHA256's block-size recommendation for a full-strength key.
    public static let minimumBytes = 32
    /// A key file larger than this is surely the wrong file.
    public static let maximumBytes = 1 << 20

    // Bytes, not a `SymmetricKey`, which is not `Sendable`; one is made per use (a copy of 32 bytes).
    let bytes: [UInt8]

    /// Uses `bytes` as the key.
    ///
    /// - Throws: ``KeyError`` `key-too-short` below ``minimumBytes``.
    public init(bytes: [UInt8]) throws {
        guard bytes.count >= Self.minimumBytes else {
            throw KeyError(
                code: "key-too-short",
                message:
                    "the key holds \(bytes.count) bytes; at least \(Self.minimumBytes) random bytes are needed (head -c 32 /dev/urandom > KEYFILE)"
            )
        }
        self.bytes = bytes
    }

    /// Reads a key file.
    ///
    /// - Throws: ``KeyError``: `key-missing`, `key-unreadable`, `key-too-short` or `key-too-long`.
    public static func load(path: String) throws -> PseudonymKey {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw KeyError(code: "key-missing", message: "key file \(path) does not exist")
        }
        guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
            throw KeyError(code: "key-unreadable", message: "key file \(path) cannot be read")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            throw KeyError(code: "key-unreadable", message: "key file \(path) cannot be read: \(error.localizedDescription)")
        }
        guard data.count <= maximumBytes else {
            throw KeyError(code: "key-too-long", message: "key file \(path) is over 1 MiB; is it the right file?")
        }
        do {
            return try PseudonymKey(bytes: Array(data))
        } catch let e as KeyError {
            throw KeyError(code: e.code, message: "key file \(path): " + e.message)
        }
    }

    /// HMAC-SHA256 of `message` under the key.
    func mac(_ message: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: bytes)))
    }
}
