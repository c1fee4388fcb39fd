// The one error discovery throws on purpose: a usage problem (not a git repository, an unknown
// ref) that the CLI prints as a one-line cause and exits 2 on.
export class DiscoveryError extends Error {
  override readonly name = "DiscoveryError";
}

/**
 * A path as one line of a message: a name with a line break or another control character (git
 * allows them) is quoted as JSON, so that an error or warning stays on the one line it promises.
 */
export function printablePath(file: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for.
  return /[\u0000-\u001f\u007f\u2028\u2029]/.test(file) ? JSON.stringify(file) : file;
}
