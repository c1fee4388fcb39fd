// Paths into YAML documents: the rule API's nodeRangeAt (a key path to the key's source range) and
// the conversion of ajv's JSON pointers into such paths.
export { nodeRangeAt } from "@deploylint/core/rule-api";

export type YamlPath = readonly (string | number)[];

/** "/environments/staging/log_level" -> ["environments", "staging", "log_level"]. */
export function pointerToPath(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
}
