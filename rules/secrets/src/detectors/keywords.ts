// A multi-keyword matcher (Aho–Corasick): one pass over a text finds every occurrence of every
// catalogue keyword, ASCII case-insensitively, so detectors run only where their keyword is.
// Every file of a run goes through it, so the automaton is compiled to a dense table once: one
// array read per character, where a trie of Maps walked its fail links with a lookup per step.

export interface KeywordHit {
  keyword: number;
  /** Offset of the keyword's first character. */
  start: number;
}

function lower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
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
  outputs: number[][];
}

export class KeywordMatcher {
  /** Character code → column of the table; 0 for every character no keyword contains. */
  private readonly columnOf = new Uint16Array(0x10000);
  private readonly width: number;
  /**
   * State × column → the next state's row offset (state × width), the goto function with the fail
   * links already followed. A state where some keyword ends is stored as -(offset + 1): the scan
   * loop then needs no multiplication and no second array read per character to know whether
   * anything ended, only a sign test (it was ~25% of the catalogue scan's pass over the text).
   */
  private readonly moves: Int32Array;
  /** Indexes of the keywords that end at each state (its own and its fail chain's), or null. */
  private readonly outputs: (number[] | null)[];
  /** Each keyword's length, read once per hit. */
  private readonly lengths: Int32Array;

  constructor(readonly keywords: readonly string[]) {
    let columns = 1;
    for (const keyword of keywords) {
      for (let i = 0; i < keyword.length; i++) {
        const code = lower(keyword.charCodeAt(i));
        if (this.columnOf[code] === 0) this.columnOf[code] = columns++;
      }
    }
    // Upper-case ASCII reads as its lower case.
    for (let code = 65; code <= 90; code++) this.columnOf[code] = this.columnOf[code + 32] ?? 0;
    this.width = columns;
    this.lengths = Int32Array.from(keywords, (keyword) => keyword.length);

    const trie = this.buildTrie();
    this.outputs = trie.outputs.map((list) => (list.length > 0 ? list : null));
    this.link(trie);
    this.moves = trie.table.slice(0, trie.states * columns);
  }

  /** A state as the table stores it: its row offset, negated (minus one) when a keyword ends there. */
  private code(state: number): number {
    return this.outputs[state] ? -(state * this.width) - 1 : state * this.width;
  }

  /** The state a table entry stands for. */
  private stateOf(code: number): number {
    return (code < 0 ? -code - 1 : code) / this.width;
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
      outputs: [[]],
    };
    this.keywords.forEach((keyword, index) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const column = this.columnOf[lower(keyword.charCodeAt(i))] ?? 0;
        let target = trie.table[state * this.width + column] ?? 0;
        if (target === 0) {
          target = trie.states++;
          trie.table[state * this.width + column] = target;
          trie.edgeColumn[target] = column;
          trie.nextSibling[target] = trie.firstChild[state] ?? 0;
          trie.firstChild[state] = target;
          trie.outputs.push([]);
        }
        state = target;
      }
      trie.outputs[state]?.push(index);
    });
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
        if (inherited) this.outputs[child] = [...(this.outputs[child] ?? []), ...inherited];
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

  /**
   * The same occurrences, handed to `onHit` as they are found (a big run meets millions: no object
   * for each). Keywords whose entry in `skip` is 1 are passed over: the scanner masks those whose
   * detectors cannot run on the file at hand.
   */
  forEachHit(text: string, onHit: (keyword: number, start: number) => void, skip?: Uint8Array): void {
    const { moves, columnOf, width, outputs, lengths } = this;
    let row = 0;
    for (let i = 0, length = text.length; i < length; i++) {
      const next = moves[row + (columnOf[text.charCodeAt(i)] ?? 0)] ?? 0;
      if (next >= 0) {
        row = next;
        continue;
      }
      row = -next - 1;
      const ending = outputs[row / width];
      if (ending === null || ending === undefined) continue;
      for (const keyword of ending) {
        if (skip !== undefined && skip[keyword] === 1) continue;
        onHit(keyword, i + 1 - (lengths[keyword] ?? 0));
      }
    }
  }
}
