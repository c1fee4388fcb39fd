// A multi-keyword matcher (Aho–Corasick): one pass over a text finds every occurrence of every
// catalogue keyword, ASCII case-insensitively, so detectors run only where their keyword is.
// Every file of a run goes through it, so the automaton is compiled to a dense table once: one
// array read per character, where a trie of Maps walked its fail links with a lookup per step.

export interface KeywordHit {
  keyword: number;
  /** Offset of the keyword's first character. */
  start: number;
}

/** The keyword trie while the matcher is built. */
interface Trie {
  /** State × column → child; rows become the full goto function as they are linked. */
  table: Int32Array;
  states: number;
  /** Each state's first child and each child's next sibling (0 ends the chain). */
  firstChild: Int32Array;
  nextSibling: Int32Array;
  /** The column of the edge into each state. */
  edgeColumn: Int32Array;
  /** The keywords ending at each state, or null when none does. */
  outputs: (number[] | null)[];
}

export class KeywordMatcher {
  /**
   * Character code → column of the table; 0 for every character no keyword contains. A byte per
   * code keeps it half the 128 KiB of 16-bit entries, beside `moves` in the cache.
   */
  private readonly columnOf = new Uint8Array(0x10000);
  private readonly width: number;
  /**
   * State × column → the next state as the scan reads it: the goto function with the fail links
   * already followed. A state where no keyword ends is its row offset (state × width); one where
   * some keyword ends is -(state + 1): the scan loop needs no multiplication and no second array
   * read per character to know whether anything ended, only a sign test, and a hit gives the state
   * whose keywords it reads.
   */
  private readonly moves: Int32Array;
  /** Indexes of the keywords that end at each state (its own and its fail chain's), or null; while building. */
  private readonly outputs: (number[] | null)[];
  /** The same flattened: the keywords ending at state s are outputList[outputStart[s] … outputStart[s + 1]). */
  private readonly outputStart: Int32Array;
  private readonly outputList: Int32Array;
  /** Each keyword's length, read once per hit. */
  private readonly lengths: Int32Array;
  /**
   * The hits of the last `collect`, in buffers kept from call to call (a big run meets millions).
   * They start small so that the first files of a run already grow them: V8 then optimises the scan
   * loop with that path seen, where growing them later dropped its optimised code.
   */
  private found: KeywordHits = { keywords: new Int32Array(16), starts: new Int32Array(16), count: 0 };
  /** A mask skipping nothing, so the scan loop always reads a byte array. */
  private readonly skipNone: Uint8Array;

  constructor(readonly keywords: readonly string[]) {
    // Building runs once per process, through the interpreter: its loops call and allocate little
    // (an interpreted call or a small array per character or state cost every run milliseconds).
    let columns = 1;
    for (const keyword of keywords) {
      for (let i = 0; i < keyword.length; i++) {
        let code = keyword.charCodeAt(i);
        if (code >= 65 && code <= 90) code += 32;
        if (this.columnOf[code] !== 0) continue;
        if (columns === 0x100) throw new Error("KeywordMatcher: the keywords use more than 255 distinct characters.");
        this.columnOf[code] = columns++;
      }
    }
    // Upper-case ASCII reads as its lower case.
    for (let code = 65; code <= 90; code++) this.columnOf[code] = this.columnOf[code + 32] ?? 0;
    this.width = columns;
    this.lengths = Int32Array.from(keywords, (keyword) => keyword.length);
    this.skipNone = new Uint8Array(keywords.length);

    const trie = this.buildTrie();
    this.outputs = trie.outputs;
    this.link(trie);
    this.moves = trie.table.slice(0, trie.states * columns);
    this.outputStart = new Int32Array(trie.states + 1);
    const flat: number[] = [];
    for (let state = 0; state < trie.states; state++) {
      this.outputStart[state] = flat.length;
      const ending = this.outputs[state];
      if (ending) for (let k = 0; k < ending.length; k++) flat.push(ending[k] as number);
    }
    this.outputStart[trie.states] = flat.length;
    this.outputList = Int32Array.from(flat);
  }

  /** A state as the table stores it: its row offset, or -(state + 1) when a keyword ends there. */
  private code(state: number): number {
    return this.outputs[state] ? -state - 1 : state * this.width;
  }

  /** The state a table entry stands for. */
  private stateOf(code: number): number {
    return code < 0 ? -code - 1 : code / this.width;
  }

  /**
   * The trie, straight into a table with room for every keyword character as a state (0 is "no
   * child": the root is no one's child). Each state's children are also chained by index, so
   * linking visits the edges rather than every column of every state.
   */
  private buildTrie(): Trie {
    const capacity = 1 + this.keywords.reduce((sum, keyword) => sum + keyword.length, 0);
    const trie: Trie = {
      table: new Int32Array(capacity * this.width),
      states: 1,
      firstChild: new Int32Array(capacity),
      nextSibling: new Int32Array(capacity),
      edgeColumn: new Int32Array(capacity),
      outputs: [null],
    };
    const { table, edgeColumn, nextSibling, firstChild, outputs } = trie;
    const { columnOf, width } = this;
    for (let index = 0; index < this.keywords.length; index++) {
      const keyword = this.keywords[index] as string;
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        // Upper-case ASCII has its lower case's column.
        const column = columnOf[keyword.charCodeAt(i)] as number;
        let target = table[state * width + column] as number;
        if (target === 0) {
          target = trie.states++;
          table[state * width + column] = target;
          edgeColumn[target] = column;
          nextSibling[target] = firstChild[state] as number;
          firstChild[state] = target;
          outputs.push(null);
        }
        state = target;
      }
      const ending = outputs[state];
      if (ending) ending.push(index);
      else outputs[state] = [index];
    }
    return trie;
  }

  // Breadth-first, so a state's fail target (shallower) is complete before the state itself: its
  // row starts as a copy of the fail target's (one native copy, where a loop over every column of
  // 2,000 states cost ~20 ms of every run), then its own children overwrite their columns, and
  // outputs gather the fail chain's keywords. Entries are written as the scan reads them (see
  // `moves`) as soon as the state's outputs are complete, so no pass over the whole table follows
  // (that pass ran once per process, unoptimised: milliseconds of every run).
  private link(trie: Trie): void {
    const { table, firstChild, nextSibling, edgeColumn } = trie;
    const width = this.width;
    const fail = new Int32Array(trie.states);
    // The root's row is its children and the root elsewhere; its children fail to it, so their
    // outputs are their own, complete once the trie is built.
    const queue: number[] = [];
    const root = this.code(0);
    if (root !== 0) for (let column = 0; column < width; column++) if (table[column] === 0) table[column] = root;
    for (let child = firstChild[0] ?? 0; child !== 0; child = nextSibling[child] ?? 0) {
      table[edgeColumn[child] ?? 0] = this.code(child);
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] ?? 0;
      const row = state * width;
      const failRow = (fail[state] ?? 0) * width;
      table.copyWithin(row, failRow, failRow + width);
      for (let child = firstChild[state] ?? 0; child !== 0; child = nextSibling[child] ?? 0) {
        const column = edgeColumn[child] ?? 0;
        // Where the fail target goes on the same character (the root's row is already complete).
        const target = this.stateOf(table[failRow + column] ?? 0);
        fail[child] = target;
        const inherited = this.outputs[target];
        // No list is changed once linked: a state without keywords of its own shares its target's.
        if (inherited) this.outputs[child] = this.outputs[child]?.concat(inherited) ?? inherited;
        table[row + column] = this.code(child);
        queue.push(child);
      }
    }
  }

  /** Every keyword occurrence in `text`, in order of their end. */
  hits(text: string): KeywordHit[] {
    const found: KeywordHit[] = [];
    this.forEachHit(text, (keyword, start) => found.push({ keyword, start }));
    return found;
  }

  /** The same occurrences, handed to `onHit` in order (see `collect` for `skip`). */
  forEachHit(text: string, onHit: (keyword: number, start: number) => void, skip?: Uint8Array): void {
    const { keywords, starts, count } = this.collect(text, skip);
    for (let i = 0; i < count; i++) onHit(keywords[i] ?? 0, starts[i] ?? 0);
  }

  /**
   * Every keyword occurrence in `text`, in order of their end, as parallel arrays of keyword index
   * and start offset. Keywords whose entry in `skip` is 1 are passed over: the scanner masks those
   * whose detectors cannot run on the file at hand. The arrays are this matcher's own and are
   * overwritten by its next call: read them first. The loop over the text calls nothing: a
   * callback per hit, a new closure per file, made V8 drop the loop's optimised code (deopts for a
   * wrong call target and feedback cell on the real apps) and run it unoptimised until recompiled.
   */
  collect(text: string, skip: Uint8Array = this.skipNone): KeywordHits {
    const count = this.collectInto(text, skip);
    this.found.count = count;
    return this.found;
  }

  /**
   * collect's loop, returning the number of hits. On its own so that nothing follows the loop: V8
   * optimises a long loop while it runs (on-stack replacement), and code after it that had never
   * run was dropped on the loop's exit, then compiled again, call after call.
   */
  private collectInto(text: string, skip: Uint8Array): number {
    const { moves, columnOf, width, outputStart, outputList, lengths } = this;
    let { keywords, starts } = this.found;
    let count = 0;
    let row = 0;
    // Every index below is in bounds by construction (a column for every char code, a row for every
    // state, an output range for every state), so reads are typed as numbers rather than defaulted
    // with `?? 0`: the defaults were a quarter of the loop's instructions (cachegrind, hatchet).
    for (let i = 0, length = text.length; i < length; i++) {
      const next = moves[row + (columnOf[text.charCodeAt(i)] as number)] as number;
      if (next >= 0) {
        row = next;
        continue;
      }
      const state = -next - 1;
      row = state * width;
      for (let o = outputStart[state] as number, end = outputStart[state + 1] as number; o < end; o++) {
        const keyword = outputList[o] as number;
        if (skip[keyword] === 1) continue;
        if (count === keywords.length) {
          this.found = grow(this.found, count);
          ({ keywords, starts } = this.found);
        }
        keywords[count] = keyword;
        starts[count] = i + 1 - (lengths[keyword] as number);
        count++;
      }
    }
    return count;
  }
}

/** Keyword occurrences as parallel arrays: the first `count` entries are the hits. */
export interface KeywordHits {
  keywords: Int32Array;
  starts: Int32Array;
  count: number;
}

/** The buffers twice as large, holding their first `count` hits. */
function grow(hits: KeywordHits, count: number): KeywordHits {
  const keywords = new Int32Array(hits.keywords.length * 2);
  const starts = new Int32Array(hits.starts.length * 2);
  keywords.set(hits.keywords.subarray(0, count));
  starts.set(hits.starts.subarray(0, count));
  return { keywords, starts, count };
}
