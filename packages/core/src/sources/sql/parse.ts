// Parses a SQL file statement by statement with sql-parser-cst; a statement the parser rejects
// keeps its kind, and never hides the statements around it.
import { parse } from "sql-parser-cst";
import type { SqlDialect, SqlSource, SqlStatement } from "../../rule-api/types.js";
import { isStackOverflow, STATEMENT_NESTED_TOO_DEEPLY } from "../too-deep.js";
import { classifyStatement } from "./classify.js";
import { isKnownParserGap } from "./known-gaps.js";
import { splitSql } from "./split.js";

/** Moves every `range` of a CST node by `offset`, in place (each node once). */
function shiftRanges(root: unknown, offset: number): void {
  if (offset === 0) return;
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === "range" && Array.isArray(value) && value.length === 2) {
        value[0] += offset;
        value[1] += offset;
      } else if (typeof value === "object" && value !== null) {
        stack.push(value);
      }
    }
  }
}

function firstLine(message: string): string {
  const line = message.split("\n", 1)[0] ?? message;
  return line.trim();
}

/**
 * Parses one statement of the splitter. A goose `StatementBegin … StatementEnd` block is one
 * statement for goose but may hold several for the database; when the parser reads every one of
 * them, they come back as separate statements (`parts`), each with its own tree.
 */
function parseStatement(
  text: string,
  start: number,
  dialect: SqlDialect,
): Pick<SqlStatement, "cst" | "parseError"> & { parts?: { cst: unknown; range: [number, number] }[] } {
  try {
    const program = parse(text, { dialect, includeRange: true, includeComments: false });
    // The block keeps its final `;`, which parses as a trailing empty statement.
    const statements = program.statements.filter((node, i) => i === 0 || node.type !== "empty");
    const cst = statements[0] ?? null;
    if (cst === null || cst.type === "empty") {
      return { cst: null, parseError: `Expected one statement, the parser found ${statements.length}.` };
    }
    shiftRanges(program, start);
    if (statements.length === 1) return { cst, parseError: null };
    const parts = statements.map((node) => ({ cst: node, range: node.range as [number, number] }));
    return { cst: null, parseError: null, parts };
  } catch (error) {
    if (isStackOverflow(error)) return { cst: null, parseError: STATEMENT_NESTED_TOO_DEEPLY };
    return { cst: null, parseError: firstLine(error instanceof Error ? error.message : String(error)) };
  }
}

/**
 * The statements of a whole-file parse, keyed by their exact range. One call per file is much
 * cheaper than one per statement (the parser's per-call setup dominates short statements); when
 * the file does not parse as a whole, the statements are parsed one by one.
 */
function parseWhole(text: string, dialect: SqlDialect): Map<string, unknown> {
  const byRange = new Map<string, unknown>();
  try {
    const program = parse(text, { dialect, includeRange: true, includeComments: false });
    for (const statement of program.statements) {
      if (statement.type !== "empty" && statement.range)
        byRange.set(`${statement.range[0]}:${statement.range[1]}`, statement);
    }
  } catch {
    // A statement the parser rejects: the per-statement pass below finds it and keeps its message.
  }
  return byRange;
}

export function parseSql(text: string, dialect: SqlDialect): SqlSource {
  const { statements, comments } = splitSql(text, dialect);
  const whole = parseWhole(text, dialect);
  return {
    dialect,
    comments,
    statements: statements.flatMap(({ text: body, range }): SqlStatement[] => {
      const kind = classifyStatement(body);
      const parsed = whole.get(`${range.start}:${range.end}`);
      // A statement the whole-file parse saw with the splitter's exact range needs no second parse.
      if (parsed !== undefined) return [{ text: body, range, kind, cst: parsed, parseError: null }];
      const { cst, parseError, parts } = parseStatement(body, range.start, dialect);
      if (parts !== undefined) {
        return parts.map((part) => {
          const partText = text.slice(part.range[0], part.range[1]);
          const partRange = { start: part.range[0], end: part.range[1] };
          return {
            text: partText,
            range: partRange,
            kind: classifyStatement(partText),
            cst: part.cst,
            parseError: null,
          };
        });
      }
      const gap = parseError !== null && isKnownParserGap({ dialect, kind, text: body, message: parseError });
      return [{ text: body, range, kind, cst, parseError: gap ? null : parseError }];
    }),
  };
}
