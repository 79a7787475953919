import Crypto

/// Hashes for provenance: what a lexicon or a key was, without revealing the key.
public enum ContentHash {
    /// SHA-256 of `bytes`, in lowercase hex.
    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { hex($0) }.joined()
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}

extension PseudonymKey {
    /// A fingerprint that tells keys apart for provenance: the first 64 bits of HMAC-SHA256 of a
    /// fixed label under the key. It is not the key, and the key cannot be recovered from it.
    public var fingerprint: String {
        mac("falx key fingerprint").prefix(8).map { ContentHash.hex($0) }.joined()
    }
}
