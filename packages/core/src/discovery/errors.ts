// The one error discovery throws on purpose: a usage problem (not a git repository, an unknown
// ref) that the CLI prints as a one-line cause and exits 2 on.
export class DiscoveryError extends Error {
  override readonly name = "DiscoveryError";
}
