// Migration scripts that run SQL built with a tag (`pool.query(sql\`…\`)` of slonik, postgres.js's
// `sql\`…\`` on the connection it is given, drizzle's `db.execute(sql\`…\`)`, `Prisma.sql`): the
// SQL each up or down runs through the connection it receives, in source order.
import type { TSESTree } from "@deploylint/core/rule-api";
import type { SectionOps } from "./emit.js";
import { firstParam, forEachChild } from "./estree.js";
import { isSqlTag } from "./sql-literal.js";

type Node = TSESTree.Node;

// Connection methods that run the SQL they are given (slonik, pg, postgres.js, drizzle, Prisma).
const RUNS_SQL =
  /^(query|one|oneFirst|maybeOne|maybeOneFirst|many|manyFirst|any|anyFirst|exists|execute|unsafe|\$executeRaw|\$queryRaw|\$executeRawUnsafe|\$queryRawUnsafe|run|all|get)$/;

/** `pool.query`: the receiver's name and the method, when the callee is a method of an identifier. */
function methodCall(callee: Node): { receiver: string; method: string } | null {
  if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier") return null;
  const object = callee.object;
  return object.type === "Identifier" ? { receiver: object.name, method: callee.property.name } : null;
}

/** Locals bound to a SQL template (`const q = sql\`…\``), read where a connection runs them. */
function sqlLocals(body: Node, ops: SectionOps): void {
  const visit = (node: Node) => {
    if (
      node.type === "VariableDeclarator" &&
      node.id.type === "Identifier" &&
      node.init?.type === "TaggedTemplateExpression" &&
      isSqlTag(node.init.tag)
    ) {
      ops.locals.set(node.id.name, node.init);
    }
    forEachChild(node, visit);
  };
  visit(body);
}

/**
 * The operations of an up or down function whose first parameter is the connection. Returns how
 * many SQL templates it read, which is what makes the script a migration of this kind.
 */
export function taggedSqlOperations(ops: SectionOps, fn: TSESTree.FunctionLike): number {
  const connection = firstParam(fn);
  if (connection === null || fn.body === null || fn.body === undefined) return 0;
  const receivers = new Set([connection]);
  let read = 0;
  sqlLocals(fn.body, ops);
  // SQL a connection method is given: a tagged template, a local bound to one, or a plain string or
  // template (`connection.query(\`alter table …\`)`, as logto's own README writes it).
  const isSql = (node: Node | undefined): boolean =>
    node !== undefined &&
    ((node.type === "TaggedTemplateExpression" && isSqlTag(node.tag)) ||
      (node.type === "Identifier" && ops.locals.has(node.name)) ||
      node.type === "TemplateLiteral" ||
      (node.type === "Literal" && typeof node.value === "string"));
  const walk = (node: Node): void => {
    // postgres.js: the connection is the tag, and the template runs when awaited; Prisma's
    // `prisma.$executeRaw\`…\`` runs a method of it as the tag.
    const tagCall = node.type === "TaggedTemplateExpression" ? methodCall(node.tag) : null;
    if (
      node.type === "TaggedTemplateExpression" &&
      ((node.tag.type === "Identifier" && receivers.has(node.tag.name)) ||
        (tagCall !== null && receivers.has(tagCall.receiver) && RUNS_SQL.test(tagCall.method)))
    ) {
      ops.sql(node, { start: node.range[0], end: node.range[1] });
      read++;
      return;
    }
    if (node.type === "CallExpression") {
      const call = methodCall(node.callee);
      if (call !== null && receivers.has(call.receiver)) {
        // pool.transaction(async (trx) => …): the callback's connection runs SQL too.
        const callback = node.arguments.find(
          (arg) => arg.type === "ArrowFunctionExpression" || arg.type === "FunctionExpression",
        );
        if (call.method === "transaction" && callback !== undefined) {
          const inner = firstParam(callback as TSESTree.FunctionLike);
          if (inner !== null) receivers.add(inner);
          walk(callback.body);
          return;
        }
        if (RUNS_SQL.test(call.method)) {
          const first = node.arguments[0];
          const at = { start: node.range[0], end: node.range[1] };
          if (isSql(first)) {
            ops.sql(first, at);
            read++;
          } else ops.dynamic(at);
          return;
        }
      }
      // A helper handed the connection (`applyTableRls(pool, "users")`) runs SQL we cannot see.
      if (node.arguments.some((arg) => arg.type === "Identifier" && receivers.has(arg.name))) {
        ops.dynamic(node.range);
        return;
      }
    }
    forEachChild(node, walk);
  };
  walk(fn.body);
  return read;
}
