// Loading a CommonJS package whose files import a big dependency as a namespace, without the copies.
//
// TypeScript-compiled CommonJS turns `import * as ts from "typescript"` into
// `__importStar(require("typescript"))`, which copies every export of the module onto a new object,
// one getter each, unless the module says it is an ES module (`__esModule`). typescript has some
// 2,000 exports and typescript-estree's files import it this way 22 times: those copies were over
// half of the time it took to load typescript-estree. While the package loads, the dependency's
// exports carry `__esModule`, so each of its files binds the exports themselves (which the copies
// only forwarded to); the mark is removed as soon as the package has loaded, so no one else sees it.
//
// Only namespace imports may load while the mark is on: a default import (`__importDefault`, a
// bundler's `__toESM`) would read `.default` of the exports, which they do not have. The
// package's dependencies that import it that way are loaded first (`preload`), unmarked.

/**
 * Requires a package (`requireConsumer`) letting its files share `requireDependency`'s exports
 * object instead of copying it. `requireDependency` must resolve the instance the package resolves
 * (require from the package's own location). Falls back to a plain require if the exports cannot
 * be marked (frozen), or already are an ES-module namespace (nothing to gain).
 */
export function requireSharingNamespace<T>(options: {
  requireConsumer: () => T;
  requireDependency: () => unknown;
  /** Loads, unmarked, the package's dependencies that import the dependency other than as a namespace. */
  preload?: () => void;
}): T {
  options.preload?.();
  const exports = options.requireDependency();
  if (typeof exports !== "object" || exports === null || "__esModule" in exports) return options.requireConsumer();
  try {
    Object.defineProperty(exports, "__esModule", { value: true, configurable: true });
  } catch {
    return options.requireConsumer();
  }
  try {
    return options.requireConsumer();
  } finally {
    Reflect.deleteProperty(exports, "__esModule");
  }
}
