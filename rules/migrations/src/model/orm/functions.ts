// Finds an ORM migration's up and down functions, whatever the module shape: `exports.up = …`,
// `export async function up`, `export const up = …`, `module.exports = { up, down }`, or a
// TypeORM class with up/down methods, `export default script` of a local object; plus each
// framework's opt-out of the migration transaction.
import type { TSESTree } from "@deploylint/core/rule-api";
import { dottedName, staticValue } from "./estree.js";

type Node = TSESTree.Node;

export interface MigrationFunctions {
  up: TSESTree.FunctionLike | null;
  /** `false` when the module says `exports.down = false` (node-pg-migrate: irreversible on purpose). */
  down: TSESTree.FunctionLike | null | false;
  /** knex `config = { transaction: false }`, TypeORM `transaction = false`. */
  transactionOff: boolean;
  /** The class of a TypeORM migration, when there is one. */
  className: string | null;
  /** Steps a runner calls before the up or down, outside its transaction (logto's `beforeUp`). */
  beforeUp: TSESTree.FunctionLike | null;
  beforeDown: TSESTree.FunctionLike | null;
}

const NAMES = new Set(["up", "down", "beforeUp", "beforeDown"]);

function asFunction(node: Node | null | undefined): TSESTree.FunctionLike | null {
  if (node === null || node === undefined) return null;
  if (
    node.type === "ArrowFunctionExpression" ||
    node.type === "FunctionExpression" ||
    node.type === "FunctionDeclaration"
  ) {
    return node;
  }
  return null;
}

function keyName(key: Node, computed: boolean): string | null {
  if (key.type === "Identifier" && !computed) return key.name;
  if (key.type === "Literal" && typeof key.value === "string") return key.value;
  return null;
}

export function findMigrationFunctions(program: TSESTree.Program): MigrationFunctions {
  const found: MigrationFunctions = {
    up: null,
    down: null,
    transactionOff: false,
    className: null,
    beforeUp: null,
    beforeDown: null,
  };
  const locals = new Map<string, TSESTree.FunctionLike>();
  // `const alteration = { up, down }; export default alteration;`
  const objects = new Map<string, TSESTree.ObjectExpression>();
  const assign = (name: string, value: Node | null | undefined) => {
    if (name === "config" && value !== null && value !== undefined) {
      const config = staticValue(value);
      if (typeof config === "object" && config !== null && !Array.isArray(config) && config.transaction === false) {
        found.transactionOff = true;
      }
      return;
    }
    if (!NAMES.has(name)) return;
    if (name === "down" && value?.type === "Literal" && value.value === false) {
      found.down = false;
      return;
    }
    const fn = asFunction(value) ?? (value?.type === "Identifier" ? (locals.get(value.name) ?? null) : null);
    if (fn !== null) found[name as "up" | "down" | "beforeUp" | "beforeDown"] = fn;
  };
  const fromObject = (object: TSESTree.ObjectExpression) => {
    for (const property of object.properties) {
      if (property.type !== "Property") continue;
      const name = keyName(property.key, property.computed);
      if (name !== null) assign(name, property.value as Node);
    }
  };
  const fromClass = (node: TSESTree.ClassDeclaration | TSESTree.ClassExpression) => {
    for (const member of node.body.body) {
      if (member.type === "MethodDefinition") {
        const name = keyName(member.key, member.computed);
        if (name === "up" || name === "down") found[name] = member.value;
      } else if (member.type === "PropertyDefinition") {
        const name = keyName(member.key, member.computed);
        if (name === "transaction" && member.value?.type === "Literal" && member.value.value === false) {
          found.transactionOff = true;
        }
      }
    }
    if (found.up !== null) found.className = node.id?.name ?? null;
  };
  const statement = (node: Node) => {
    switch (node.type) {
      case "FunctionDeclaration":
        if (node.id !== null) {
          locals.set(node.id.name, node);
          assign(node.id.name, node);
        }
        return;
      case "VariableDeclaration":
        for (const declarator of node.declarations) {
          if (declarator.id.type !== "Identifier") continue;
          const fn = asFunction(declarator.init);
          if (fn !== null) locals.set(declarator.id.name, fn);
          const init = declarator.init?.type === "TSSatisfiesExpression" ? declarator.init.expression : declarator.init;
          if (init?.type === "ObjectExpression") objects.set(declarator.id.name, init);
          assign(declarator.id.name, declarator.init);
        }
        return;
      case "ClassDeclaration":
        fromClass(node);
        return;
      case "ExportNamedDeclaration":
      case "ExportDefaultDeclaration":
        if (node.declaration !== null && node.declaration !== undefined) {
          const declaration = node.declaration as Node;
          if (declaration.type === "ObjectExpression") fromObject(declaration);
          else if (declaration.type === "Identifier") {
            const object = objects.get(declaration.name);
            if (object !== undefined) fromObject(object);
          } else if (declaration.type === "ClassExpression") fromClass(declaration);
          else statement(declaration);
        }
        return;
      case "ExpressionStatement": {
        const expression = node.expression;
        if (expression.type !== "AssignmentExpression") return;
        const target = dottedName(expression.left);
        if (target === "module.exports" && expression.right.type === "ObjectExpression") fromObject(expression.right);
        const object = expression.right.type === "Identifier" ? objects.get(expression.right.name) : undefined;
        if (target === "module.exports" && object !== undefined) fromObject(object);
        const exported = /^(?:module\.)?exports\.(\w+)$/.exec(target ?? "");
        if (exported?.[1] !== undefined) assign(exported[1], expression.right);
        return;
      }
    }
  };
  for (const node of program.body) statement(node);
  return found;
}
