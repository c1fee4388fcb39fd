// A multi-keyword matcher (Aho–Corasick): one pass over a text finds every occurrence of every
// catalogue keyword, ASCII case-insensitively, so detectors run only where their keyword is.

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Indexes of the keywords that end at this node (its own and its fail chain's). */
  outputs: number[];
}

export interface KeywordHit {
  keyword: number;
  /** Offset of the keyword's first character. */
  start: number;
}

function lower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

export class KeywordMatcher {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, outputs: [] }];

  constructor(readonly keywords: readonly string[]) {
    keywords.forEach((keyword, index) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const code = lower(keyword.charCodeAt(i));
        let target = this.nodes[state]?.next.get(code);
        if (target === undefined) {
          target = this.nodes.length;
          this.nodes.push({ next: new Map(), fail: 0, outputs: [] });
          this.nodes[state]?.next.set(code, target);
        }
        state = target;
      }
      this.nodes[state]?.outputs.push(index);
    });
    this.link();
  }

  // Breadth-first: each node's fail link is the longest proper suffix that is also a prefix.
  private link(): void {
    const queue: number[] = [...(this.nodes[0]?.next.values() ?? [])];
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head] ?? 0;
      const node = this.nodes[id];
      if (!node) continue;
      for (const [code, child] of node.next) {
        let fail = node.fail;
        while (fail !== 0 && !this.nodes[fail]?.next.has(code)) fail = this.nodes[fail]?.fail ?? 0;
        const target = this.nodes[fail]?.next.get(code);
        const childNode = this.nodes[child];
        if (childNode) {
          childNode.fail = target !== undefined && target !== child ? target : 0;
          childNode.outputs.push(...(this.nodes[childNode.fail]?.outputs ?? []));
        }
        queue.push(child);
      }
    }
  }

  /** Every keyword occurrence in `text`, in order of their end. */
  *hits(text: string): Generator<KeywordHit> {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = lower(text.charCodeAt(i));
      while (state !== 0 && !this.nodes[state]?.next.has(code)) state = this.nodes[state]?.fail ?? 0;
      state = this.nodes[state]?.next.get(code) ?? 0;
      const outputs = this.nodes[state]?.outputs;
      if (!outputs || outputs.length === 0) continue;
      for (const keyword of outputs) yield { keyword, start: i + 1 - (this.keywords[keyword]?.length ?? 0) };
    }
  }
}
