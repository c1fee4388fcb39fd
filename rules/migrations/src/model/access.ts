// Role, privilege and ownership statements (GRANT, REVOKE, CREATE/ALTER/DROP ROLE, ALTER DEFAULT
// PRIVILEGES, … OWNER TO, REASSIGN/DROP OWNED): who may use the schema, not its shape. Every rule
// judges them as it judges GRANT (nothing a down must undo, not a schema change), as it judges the
// same statements inside a DO block.

// Statement kinds (core's classifier) that are about access, with the operation kind each becomes:
// none starts with create_/alter_/drop_, so no rule mistakes them for a change of the schema.
const ACCESS_KINDS: Record<string, string> = {
  grant: "grant",
  revoke: "revoke",
  create_role: "access_create_role",
  alter_role: "access_alter_role",
  drop_role: "access_drop_role",
  create_user: "access_create_user",
  alter_user: "access_alter_user",
  drop_user: "access_drop_user",
  alter_default_privileges: "access_default_privileges",
  drop_owned: "access_drop_owned",
  reassign_owned: "access_reassign_owned",
};

// `ALTER SEQUENCE s OWNER TO r`, `ALTER FUNCTION f(int) OWNER TO r`: a change of owner, whatever the object.
const OWNER_TO = /^ALTER\s+[\s\S]*?\bOWNER\s+TO\s+(?:"[^"]*"|[\w$]+)\s*$/i;
const GROUP = /^(?:CREATE|ALTER|DROP)\s+GROUP\b/i;

/** The operation kind of a role, privilege or ownership statement, or null for any other statement. */
export function accessKind(statementKind: string, text: string): string | null {
  const known = ACCESS_KINDS[statementKind];
  if (known !== undefined) return known;
  // An ALTER TABLE's OWNER TO is read action by action (see alter-actions-text.ts).
  if (statementKind !== "alter_table" && OWNER_TO.test(text)) return "access_owner_to";
  if (GROUP.test(text)) return "access_group";
  return null;
}
