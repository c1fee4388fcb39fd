// Reads an example entry's documentation: the description (its comment block, minus decorator
// lines) and the `.env.schema`-style decorators (@required, @sensitive, @type=url, …).
import type { Decorators } from "../facts.js";

export interface Documentation {
  description: string | null;
  decorators: Decorators;
  /** Decorators this parser does not know (kept so env check can say they are not checked). */
  unknown: string[];
}

const KNOWN = new Set(["required", "optional", "sensitive", "type", "default", "example", "rotation"]);

// `@name`, `@name=value`, `@name="quoted value"`, `@type=enum(a, b)`; a decorator starts a word, so
// an e-mail address in a description (ops@example.com) is not one.
const DECORATOR = /(^|\s)@([A-Za-z][\w-]*)(?:=("[^"]*"|'[^']*'|[A-Za-z]+\([^)]*\)|\S*))?/g;

/** Parses comment lines (without their `#`) and an optional inline comment. */
export function readDocumentation(comments: readonly string[], inlineComment: string | null = null): Documentation {
  const decorators: Decorators = {
    required: false,
    optional: false,
    sensitive: false,
    type: null,
    default: null,
    example: null,
    rotation: null,
  };
  const unknown: string[] = [];
  const described: string[] = [];
  const lines = inlineComment === null ? comments : [...comments, inlineComment];
  for (const line of lines) {
    const rest = line.replace(DECORATOR, (_match, lead: string, name: string, value: string | undefined) => {
      apply({ decorators, unknown, name, value: value === undefined ? null : unquote(value) });
      return lead;
    });
    const text = rest.trim();
    // Rulers and banners ("-----", "=====") describe nothing.
    if (/[\p{L}\p{N}]/u.test(text)) described.push(text);
  }
  return { description: described.length > 0 ? described.join(" ") : null, decorators, unknown };
}

function apply(options: { decorators: Decorators; unknown: string[]; name: string; value: string | null }): void {
  const { decorators, unknown, value } = options;
  const name = options.name.toLowerCase();
  if (!KNOWN.has(name)) {
    unknown.push(options.name);
    return;
  }
  switch (name) {
    case "required":
    case "optional":
    case "sensitive":
      // `@required=false` reads as the decorator switched off.
      decorators[name] = value === null || !/^(false|no|0)$/i.test(value);
      break;
    case "type":
      decorators.type = value === null || value === "" ? null : value.replace(/\s+/g, "");
      break;
    default:
      decorators[name as "default" | "example" | "rotation"] = value ?? "";
  }
}

function unquote(value: string): string {
  const first = value[0];
  return (first === '"' || first === "'") && value.endsWith(first) && value.length >= 2 ? value.slice(1, -1) : value;
}
