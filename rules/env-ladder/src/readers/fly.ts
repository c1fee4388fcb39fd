// fly.toml / fly.<env>.toml: the [env] table. fly.<env>.toml names its environment; fly.toml is
// production's unless its app name ends in an environment (`app = "shop-staging"`).
import type { ValuesFact } from "../facts.js";
import { rungOf } from "../ladder.js";
import { readToml } from "./toml.js";
import { tableEntries } from "./toml-values.js";

export function isFlyFile(path: string): boolean {
  return /^fly(\.[\w-]+)?\.toml$/.test(path.split("/").at(-1) ?? "");
}

export function readFly(path: string, text: string): ValuesFact[] {
  const entries = readToml(text);
  const named = /^fly\.([\w-]+)\.toml$/.exec(path.split("/").at(-1) ?? "")?.[1];
  const app = entries.find((entry) => entry.path.length === 1 && entry.path[0] === "app")?.value;
  const suffix = typeof app === "string" ? /-([a-z]+)$/.exec(app)?.[1] : undefined;
  const environment = named ?? (suffix && rungOf(suffix) ? suffix : "production");
  return [{ source: "fly", environment, entries: tableEntries(entries, ["env"]) }];
}
