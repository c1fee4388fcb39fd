// One read of a whole open file, sized by the caller's fstat: what the engine's source reads and
// the code cache's read of the CLI bundle share.
import { readSync } from "node:fs";

/** The file's bytes, as many as its size said (fewer if it shrank meanwhile). */
export function readWhole(descriptor: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(descriptor, bytes, filled, size - filled, filled);
    if (read === 0) break;
    filled += read;
  }
  return filled < size ? bytes.subarray(0, filled) : bytes;
}
