// Whether a DEFAULT expression is volatile: PostgreSQL 11+ adds a column with a constant or stable
// default without touching rows, but a volatile default is evaluated for every row (a rewrite).

const VOLATILE_FUNCTIONS =
  /\b(random|gen_random_uuid|uuid_generate_v[14]|uuid_generate_v1mc|clock_timestamp|timeofday|nextval|txid_current|gen_random_bytes|uuid)\s*\(/i;

export function isVolatileDefault(expression: string | null): boolean {
  return expression !== null && VOLATILE_FUNCTIONS.test(expression);
}
