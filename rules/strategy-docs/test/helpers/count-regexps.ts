// How many RegExp objects a piece of work constructs (literals are not counted): the cost tests'
// way to show a pattern is built once, not per heading or clause.
export async function regexpsConstructedBy(work: () => unknown): Promise<number> {
  const Original = globalThis.RegExp;
  let made = 0;
  globalThis.RegExp = class Counted extends Original {
    constructor(...args: ConstructorParameters<typeof Original>) {
      super(...args);
      made++;
    }
  } as RegExpConstructor;
  try {
    await work();
  } finally {
    globalThis.RegExp = Original;
  }
  return made;
}
