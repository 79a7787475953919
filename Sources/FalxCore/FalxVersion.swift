/// The version of Falx itself, printed by `falx --version` and written into every HTML report's
/// generator marker. The decision table has its own version (``Ruleset/version``).
public enum FalxVersion {
    /// Falx's release version.
    public static let current = "0.9.0"
}
