// `deploylint rules` and `deploylint explain`: every loaded rule with its metadata.
import { ENGINE_PACKS, type ResolvedConfig, type Severity, suggest, UsageError } from "@deploylint/core";

export interface CatalogueEntry {
  id: string;
  description: string;
  help?: string;
  kinds: string[];
  scope: "file" | "project";
  recommended: Severity;
  strict: Severity;
  configured: Severity;
  options?: Record<string, unknown>;
  messages: Record<string, string>;
  url?: string;
}

export function ruleCatalogue(config: ResolvedConfig): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  for (const pack of [...ENGINE_PACKS, ...config.packs.map((p) => p.pack)]) {
    for (const rule of pack.rules) {
      const id = `${pack.name}/${rule.id}`;
      entries.push({
        id,
        description: rule.meta.description,
        ...(rule.meta.help ? { help: rule.meta.help } : {}),
        kinds: rule.meta.kinds,
        scope: rule.scope === "project" ? "project" : "file",
        recommended: rule.meta.presets.recommended,
        strict: rule.meta.presets.strict,
        configured: config.rules[id]?.severity ?? "off",
        ...(rule.meta.options ? { options: rule.meta.options } : {}),
        messages: rule.meta.messages,
        ...(rule.meta.docs?.url ? { url: rule.meta.docs.url } : {}),
      });
    }
  }
  return entries.sort((a, b) => (a.id < b.id ? -1 : 1));
}

export function listRules(entries: CatalogueEntry[]): string {
  const header = ["rule", "recommended", "strict", "configured", "description"];
  const rows = entries.map((e) => [e.id, e.recommended, e.strict, e.configured, e.description]);
  const widths = header.slice(0, 4).map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i < 4 ? cell.padEnd(widths[i] as number) : cell))
      .join("  ")
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join("\n")}\n`;
}

export function explainRule(entries: CatalogueEntry[], id: string): string {
  const entry = entries.find((e) => e.id === id);
  if (!entry) {
    const hint = suggest(
      id,
      entries.map((e) => e.id),
    );
    throw new UsageError(`No rule ${id}${hint ? `; did you mean ${hint}?` : ""} (deploylint rules lists them all).`);
  }
  const lines = [
    entry.id,
    "",
    entry.description,
    "",
    `recommended: ${entry.recommended}   strict: ${entry.strict}   in this config: ${entry.configured}`,
    `reads: ${entry.scope === "project" ? "facts from the whole project" : entry.kinds.join(", ")}`,
  ];
  if (entry.help) lines.push("", `What to do: ${entry.help}`);
  lines.push("", "Messages:", ...Object.values(entry.messages).map((m) => `  - ${m}`));
  lines.push(
    "",
    entry.options ? `Options (JSON Schema):\n${JSON.stringify(entry.options, null, 2)}` : "This rule has no options.",
  );
  const [pack, ...name] = entry.id.split("/");
  lines.push("", `Docs: ${entry.url ?? `docs/rules/${pack}/${name.join("/")}.md`}`);
  return `${lines.join("\n")}\n`;
}
