// Checks the shape of a pack a config loads as a plugin before anything runs it, so a malformed rule
// is one config error naming the rule (not a TypeError from deep inside the engine, or a rule
// that silently never runs). Built-in packs are typed at compile time and not checked here.
// Schemas are only checked to be objects: compiling them costs start-up time, so a schema ajv
// rejects is reported, naming its owner, when it is first used (validate.ts).
const SEVERITIES = new Set(["error", "warn", "info", "off"]);

/** What is wrong with a plugin's default export, as the end of a sentence, or null when it is a pack. */
export function packProblem(value: unknown): string | null {
  if (!isRecord(value)) return "must default-export a pack (definePack({ name, rules })).";
  if (typeof value.name !== "string" || value.name.trim() === "" || value.name.includes("/"))
    return "must have a name (a non-empty string without '/'): definePack({ name, rules }).";
  if (!Array.isArray(value.rules)) return "must have a rules array: definePack({ name, rules }).";
  const seen = new Set<string>();
  for (const [index, rule] of value.rules.entries()) {
    const id = isRecord(rule) && typeof rule.id === "string" ? rule.id : null;
    const label = id !== null ? `rule "${id}" (rules[${index}])` : `rule at rules[${index}]`;
    const problem = ruleProblem(rule);
    if (problem !== null) return `has a malformed ${label}: ${problem}`;
    if (id !== null && seen.has(id)) return `has two rules with the id "${id}".`;
    if (id !== null) seen.add(id);
  }
  return extractorsProblem(value.extractors) ?? extrasProblem(value);
}

function ruleProblem(rule: unknown): string | null {
  if (!isRecord(rule)) return "it must be an object made by defineRule({ id, meta, create }).";
  if (typeof rule.id !== "string" || !/^[^\s/]+$/.test(rule.id))
    return "id must be a non-empty string without spaces or '/'.";
  const meta = rule.meta;
  if (!isRecord(meta)) return "meta must be an object (description, kinds, presets, messages).";
  if (typeof meta.description !== "string") return "meta.description must be a string.";
  if (!isStringArray(meta.kinds)) return 'meta.kinds must be a list of file kinds (e.g. ["sql"]).';
  const presets = meta.presets;
  if (!isRecord(presets) || !SEVERITIES.has(String(presets.recommended)) || !SEVERITIES.has(String(presets.strict)))
    return 'meta.presets must be { recommended, strict }, each "error", "warn", "info" or "off".';
  if (presets.strategy !== undefined && !SEVERITIES.has(String(presets.strategy)))
    return 'meta.presets.strategy, when set, must be "error", "warn", "info" or "off".';
  if (!isRecord(meta.messages) || !Object.values(meta.messages).every((m) => typeof m === "string"))
    return "meta.messages must be an object of message templates (id -> string).";
  if (meta.options !== undefined && !isRecord(meta.options)) return "meta.options must be a JSON Schema object.";
  if (meta.checkOptions !== undefined && typeof meta.checkOptions !== "function")
    return "meta.checkOptions must be a function.";
  if (!isPrefilters(meta.prefilter))
    return "meta.prefilter must be an object of text tests by file kind, each a RegExp or a function.";
  if (rule.scope === "project") {
    if (typeof rule.check !== "function") return "a project rule's check must be a function.";
    if (!isStringArray(meta.facts)) return "a project rule's meta.facts must be a list of fact types.";
    return null;
  }
  if (rule.scope !== undefined && rule.scope !== "file") return 'scope must be "file" or "project".';
  if (typeof rule.create !== "function") return "create must be a function.";
  return null;
}

function extractorsProblem(extractors: unknown): string | null {
  if (extractors === undefined) return null;
  if (!Array.isArray(extractors)) return "has extractors that are not a list.";
  for (const [index, extractor] of extractors.entries()) {
    const ok =
      isRecord(extractor) &&
      typeof extractor.id === "string" &&
      extractor.id !== "" &&
      isStringArray(extractor.kinds) &&
      typeof extractor.create === "function" &&
      isPrefilters(extractor.prefilter) &&
      (extractor.runsWhen === undefined || typeof extractor.runsWhen === "function");
    if (!ok)
      return `has a malformed extractor at extractors[${index}]: it needs an id, kinds and a create function (and a prefilter, when set, of RegExps or functions by kind; a runsWhen, when set, a function).`;
  }
  return null;
}

function extrasProblem(pack: Record<string, unknown>): string | null {
  if (pack.configs !== undefined && (!isRecord(pack.configs) || !Object.values(pack.configs).every(isRecord)))
    return "has configs that are not an object of configs.";
  if (pack.sqlDialect !== undefined && typeof pack.sqlDialect !== "function")
    return "has a sqlDialect that is not a function.";
  if (pack.settingsSchema === undefined) return null;
  if (!isRecord(pack.settingsSchema)) return "has a settingsSchema that is not an object of JSON Schemas by section.";
  for (const [section, schema] of Object.entries(pack.settingsSchema)) {
    if (!isRecord(schema)) return `has a settingsSchema.${section} that is not a JSON Schema object.`;
  }
  return null;
}

/** Absent, or { kind: RegExp | function }: the engine calls these on every file of the kind. */
function isPrefilters(value: unknown): boolean {
  if (value === undefined) return true;
  // A bare RegExp is an object too: it must sit under a kind.
  if (!isRecord(value) || value instanceof RegExp) return false;
  return Object.values(value).every((test) => test instanceof RegExp || typeof test === "function");
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
