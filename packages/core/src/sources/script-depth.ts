// oxc-parser recurses in native code, where running out of stack kills the process (SIGSEGV)
// instead of throwing the RangeError that makes a too-deep file its own parse error
// (too-deep.ts). A file that might nest that deep goes to typescript-estree instead, whose
// overflow is a RangeError as before. The estimate errs towards "deep": that only costs speed.

// Measured with oxc-parser 0.160 on a worker thread's 4 MB stack (the smallest we run on): nested
// template literals overflow after ~1,850 levels, type arguments ~2,050, brackets ~3,800, chains
// of `if`, labels, ternaries or arrows ~3,200. Half the cheapest of those leaves room for the
// frames below the parser and for mixed constructs whose levels cost more.
const SAFE_LEVELS = 900;
// A level takes at least two characters ("a:", "()", "<T"), so a shorter file cannot reach the limit.
const SHORTEST_LEVEL = 2;

/**
 * Whether the text might nest deeper than oxc can follow. Counts open brackets, plus the tokens
 * that nest without brackets (operators and `if`) since the last `;`, `,` or line break: a run of
 * those inside one expression is how ternary, arrow, assignment and `if` chains go deep.
 * Brackets in strings and comments count too (an overestimate; see above). A chain of `else if`
 * spread over thousands of lines is not seen.
 */
export function mayNestTooDeeply(text: string): boolean {
  if (text.length < SAFE_LEVELS * SHORTEST_LEVEL) return false;
  let depth = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    switch (text.charCodeAt(i)) {
      case 0x28: // (
      case 0x5b: // [
      case 0x7b: // {
        depth++;
        break;
      case 0x29: // )
      case 0x5d: // ]
      case 0x7d: // }
        if (depth > 0) depth--;
        continue;
      case 0x3b: // ;
      case 0x2c: // ,
      case 0x0a: // line feed
        run = 0;
        continue;
      case 0x3f: // ?
      case 0x3a: // :
      case 0x3d: // =
      case 0x3c: // <
      case 0x21: // !
      case 0x2d: // -
      case 0x2b: // +
      case 0x2a: // *
      case 0x2f: // /
      case 0x26: // &
      case 0x7c: // |
      case 0x2e: // .
      case 0x7e: // ~
        run++;
        break;
      case 0x69: // i, of a whole-word `if`
        if (
          text.charCodeAt(i + 1) === 0x66 &&
          !isWordChar(text.charCodeAt(i + 2)) &&
          !isWordChar(text.charCodeAt(i - 1))
        ) {
          run++;
          break;
        }
        continue;
      default:
        continue;
    }
    if (depth + run > SAFE_LEVELS) return true;
  }
  return false;
}

function isWordChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f ||
    code === 0x24
  );
}
