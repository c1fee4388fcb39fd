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

export class KeywordMatcher {
  /** Character code → column of the table; 0 for every character no keyword contains. */
  private readonly columnOf = new Uint16Array(0x10000);
  private readonly width: number;
  /** State × column → next state: the goto function with the fail links already followed. */
  private readonly table: Int32Array;
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
    this.table = new Int32Array(trie.children.length * columns);
    this.outputs = trie.outputs.map((list) => (list.length > 0 ? list : null));
    this.link(trie.children);
  }

  private buildTrie(): { children: Map<number, number>[]; outputs: number[][] } {
    const children: Map<number, number>[] = [new Map()];
    const outputs: number[][] = [[]];
    this.keywords.forEach((keyword, index) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const column = this.columnOf[lower(keyword.charCodeAt(i))] ?? 0;
        let target = children[state]?.get(column);
        if (target === undefined) {
          target = children.length;
          children.push(new Map());
          outputs.push([]);
          children[state]?.set(column, target);
        }
        state = target;
      }
      outputs[state]?.push(index);
    });
    return { children, outputs };
  }

  // Breadth-first, so a state's fail target (shallower) is complete before the state itself: a
  // missing transition copies the fail target's, and outputs gather the fail chain's keywords.
  private link(children: Map<number, number>[]): void {
    const fail = new Int32Array(children.length);
    const queue: number[] = [];
    for (const [column, child] of children[0] ?? []) {
      this.table[column] = child;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] ?? 0;
      const row = state * this.width;
      const failRow = (fail[state] ?? 0) * this.width;
      for (let column = 0; column < this.width; column++) {
        const child = children[state]?.get(column);
        if (child === undefined) {
          this.table[row + column] = this.table[failRow + column] ?? 0;
          continue;
        }
        this.table[row + column] = child;
        const target = state === 0 ? 0 : (this.table[failRow + column] ?? 0);
        fail[child] = target;
        const inherited = this.outputs[target];
        if (inherited) this.outputs[child] = [...(this.outputs[child] ?? []), ...inherited];
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
    const { table, columnOf, width, outputs, lengths } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = table[state * width + (columnOf[text.charCodeAt(i)] ?? 0)] ?? 0;
      const ending = outputs[state];
      if (ending === null || ending === undefined) continue;
      for (const keyword of ending) {
        if (skip !== undefined && skip[keyword] === 1) continue;
        onHit(keyword, i + 1 - (lengths[keyword] ?? 0));
      }
    }
  }
}
