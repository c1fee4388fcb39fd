// Turns benchmark results into the machine description, the comparisons with their targets, and
// the Markdown table written under tools/bench/results/.
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, release, totalmem } from "node:os";
import { TIMED_OUT } from "./measure.mjs";

export function describeMachine() {
  let model = cpus()[0]?.model ?? "unknown";
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) model = line.split(":")[1].trim();
  } catch {
    // /proc is Linux-only; os.cpus() already gave a model name.
  }
  return {
    cpu: model,
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${process.platform} ${release()}`,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    // Set in some CI and sandbox environments; it slows every Node start (contestants.mjs).
    extraCaCerts: Boolean(process.env.NODE_EXTRA_CA_CERTS),
  };
}

/** What counts as each tool's findings in its own output format. */
export function countFindings(tool, output) {
  if (tool === "node") return null;
  // secretlint's compact format prints nothing at all for a clean run.
  if (output === "") return tool === "secretlint" ? 0 : null;
  if (tool === "secretlint") return output.split("\n").filter((l) => / - \[/.test(l)).length;
  try {
    const parsed = JSON.parse(output);
    if (tool === "squawk") return Array.isArray(parsed) ? parsed.length : null;
    return Array.isArray(parsed.findings) ? parsed.findings.length : null;
  } catch {
    return null;
  }
}

/** Comparisons of one scale: deploylint over its peer, with the issue's target where there is one. */
export function scaleComparisons(scale, stats) {
  const target = (value) => (scale === "medium" ? value : null);
  return [
    { id: "secrets", ours: "dl-secrets", peer: "secretlint", target: target({ maxRatio: 0.2, text: "≥5× faster" }) },
    {
      id: "migrations-cold",
      ours: "dl-migrations",
      peer: "squawk",
      target: target({ maxRatio: 1.5, text: "≤1.5× squawk" }),
    },
    { id: "migrations-cold-path", ours: "dl-migrations-path", peer: "squawk", target: null },
    {
      id: "migrations-warm",
      ours: "dl-migrations-warm",
      peer: "squawk",
      target: target({ maxRatio: 0.3, text: "≤0.3× squawk" }),
    },
    { id: "full-vs-peers", ours: "dl-full", peer: "peers", target: null },
    { id: "full-warm-vs-peers", ours: "dl-full-warm", peer: "peers", target: null },
  ]
    .filter((c) => stats[c.ours] && stats[c.peer])
    .map((c) => withRatios(c, stats));
}

export function startupComparisons(stats) {
  return [
    { id: "version", ours: "dl-version", peer: "node", target: { maxRatio: 2, text: "≤2× node -e" } },
    { id: "empty-repo", ours: "dl-empty", peer: "node", target: null },
    { id: "one-file-repo", ours: "dl-one-file", peer: "node", target: null },
    { id: "example-shop", ours: "dl-example-shop", peer: "node", target: null },
    { id: "example-shop-no-extra-ca", ours: "dl-example-shop-no-extra-ca", peer: "node-no-extra-ca", target: null },
  ]
    .filter((c) => stats[c.ours] && stats[c.peer])
    .map((c) => withRatios(c, stats));
}

export function withRatios(comparison, stats) {
  const ours = stats[comparison.ours];
  const peer = stats[comparison.peer];
  // A peer too fast for GNU time's 10 ms CPU resolution has no meaningful CPU ratio.
  const ratio = (key) => (ours[key] === null || peer[key] === null || peer[key] === 0 ? null : ours[key] / peer[key]);
  const wall = ratio("wallMs");
  // A peer stopped by a signal (the time limit, or by hand) ran at least this long: the speed-up is a lower bound.
  const peerKilled = peer.statuses.some((status) => status === null || status > 128);
  return {
    ...comparison,
    peerKilled,
    wallRatio: wall,
    cpuRatio: ratio("cpuMs"),
    rssRatio: ratio("rssMb"),
    met: comparison.target === null || wall === null ? null : wall <= comparison.target.maxRatio,
  };
}

/** Absolute targets: start-up on example-shop, applications' peak RSS, full medium run, large peak RSS, --staged. */
export function absoluteTargets(results) {
  const out = [];
  const shop = results.startup?.stats["dl-example-shop"];
  if (shop) out.push(check("example-shop run (start-up)", shop.wallMs / 1000, 0.35, "s wall"));
  const shopWithoutCa = results.startup?.stats["dl-example-shop-no-extra-ca"];
  if (shopWithoutCa)
    out.push(check("example-shop run, NODE_EXTRA_CA_CERTS unset", shopWithoutCa.wallMs / 1000, 0.35, "s wall"));
  for (const corpus of results.real?.corpora ?? []) {
    if (corpus.rss?.rssMb)
      out.push(check(`${corpus.name}: all packs, peak RSS`, corpus.rss.rssMb, corpus.rss.limitMiB, "MiB"));
  }
  const medium = results.scales.find((s) => s.scale === "medium");
  const fullMedium = medium?.stats["dl-full"];
  if (fullMedium) out.push(check("full run on medium", fullMedium.wallMs / 1000, 10, "s wall"));
  const fullLarge = results.scales.find((s) => s.scale === "large")?.stats["dl-full"];
  if (fullLarge?.rssMb) out.push(check("large peak RSS", fullLarge.rssMb, 1024, "MiB"));
  for (const [id, stat] of Object.entries(results.staged?.stats ?? {})) {
    out.push(check(`${id} (${results.staged.scale})`, stat.wallMs / 1000, 0.5, "s wall"));
  }
  return out;
}

function check(what, value, limit, unit) {
  return { what, value, limit, unit, met: value <= limit };
}

const fmt = (n, digits = 2) => (n === null || n === undefined ? "–" : n.toFixed(digits));
const secs = (ms) => fmt(ms === null ? null : ms / 1000, ms !== null && ms < 1000 ? 3 : 2);
const mark = (met) => (met === null ? "" : met ? "✅" : "❌");

/** The Markdown report. */
export function renderMarkdown(results) {
  const m = results.machine;
  const lines = [
    "# deploylint benchmark",
    "",
    `Generated by \`npm run bench -- ${results.argv.join(" ")}\` on ${results.date}. Medians of ${results.runsNote}; runs alternate between tools.`,
    "",
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, Node ${m.node}, ${m.os}; load average at start ${m.loadAverage.join(" / ")}${m.extraCaCerts ? "; NODE_EXTRA_CA_CERTS is set (every Node start reads it: see the start-up rows with it unset)" : ""}.`,
    "",
  ];
  if (results.real) lines.push(...realSection(results.real));
  for (const scale of results.scales) {
    lines.push(`## ${scale.scale}: ${scale.files} files, ${scale.migrations} migrations`, "");
    lines.push(...contestantTable(scale.contestants, scale.stats), "");
    lines.push(...comparisonTable(scale.comparisons), "");
  }
  if (results.scales.length > 1) lines.push(...scalingTable(results.scales), "");
  if (results.startup) {
    lines.push("## Start-up", "", ...contestantTable(results.startup.contestants, results.startup.stats), "");
    lines.push(...comparisonTable(results.startup.comparisons), "");
  }
  if (results.staged) {
    lines.push(`## Pre-commit: \`--staged\` with one staged file (${results.staged.scale} repository)`, "");
    lines.push(...contestantTable(results.staged.contestants, results.staged.stats), "");
  }
  const targets = absoluteTargets(results);
  if (targets.length > 0) {
    lines.push("## Absolute targets", "", "| target | measured | limit | met |", "|---|---:|---:|:-:|");
    for (const t of targets)
      lines.push(
        `| ${t.what} | ${fmt(t.value)} ${t.unit} | ${Number.isInteger(t.limit) ? t.limit : fmt(t.limit, t.limit < 1 ? 2 : 0)} ${t.unit} | ${mark(t.met)} |`,
      );
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}

/** The real corpora: a summary of the targets' ratios, then each corpus's own tables. */
function realSection(real) {
  const lines = [
    `## Real corpora (${real.root})`,
    "",
    "| corpus | files | all packs s | secrets s | secretlint s | all / secretlint | secrets / secretlint | PostgreSQL files | migrations cold s | warm s | squawk s | cold / squawk | warm / squawk | all packs RSS MiB |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const c of real.corpora) {
    const wall = (id) => secs(c.stats[id]?.wallMs ?? null);
    const ratio = (id) => {
      const found = c.comparisons.find((x) => x.id === id);
      return found ? `${fmt(found.wallRatio)}${found.met === null ? "" : ` ${mark(found.met)}`}` : "–";
    };
    lines.push(
      `| ${c.name} (${c.kind}) | ${c.files} | ${wall("dl-all")} | ${wall("dl-secrets")} | ${wall("secretlint")} | ${ratio("all-vs-secretlint")} | ${ratio("secrets-vs-secretlint")} | ${c.pgFiles || "–"} | ${wall("dl-pg-cold")} | ${wall("dl-pg-warm")} | ${wall("squawk")} | ${ratio("pg-cold-vs-squawk")} | ${ratio("pg-warm-vs-squawk")} | ${fmt(c.stats["dl-all"]?.rssMb ?? null, 0)} |`,
    );
  }
  lines.push("");
  for (const c of real.corpora) {
    const pg = c.pgFiles ? `, PostgreSQL history ${c.pgFolders.join(", ")} (${c.pgFiles} .sql files)` : "";
    lines.push(`### ${c.name}: ${c.files} files${pg}`, "");
    lines.push(...contestantTable(c.contestants, c.stats), "");
    lines.push(...comparisonTable(c.comparisons), "");
  }
  return lines;
}

function contestantTable(contestants, stats) {
  const rows = [
    "| tool | command | wall (median) s | wall min–max s | CPU s | peak RSS MiB | exit | findings |",
    "|---|---|---:|---:|---:|---:|:-:|---:|",
  ];
  for (const c of contestants) {
    const s = stats[c.id];
    if (!s) continue;
    const killed = s.statuses.includes(TIMED_OUT)
      ? " (killed at the time limit)"
      : s.statuses.some((x) => x === null || x > 128)
        ? " (killed)"
        : "";
    rows.push(
      `| ${c.id} | \`${c.label}\`${killed} | ${secs(s.wallMs)} | ${secs(s.wallMinMs)}–${secs(s.wallMaxMs)} | ${secs(s.cpuMs)} | ${fmt(s.rssMb, 0)} | ${s.statuses.join(",")} | ${c.findings ?? "–"} |`,
    );
  }
  return rows;
}

function comparisonTable(comparisons) {
  const rows = [
    "| comparison | ours / peer | wall ratio | speed-up | CPU ratio | RSS ratio | target | met |",
    "|---|---|---:|---:|---:|---:|---|:-:|",
  ];
  for (const c of comparisons) {
    const speedup = c.wallRatio ? `${fmt(1 / c.wallRatio, 1 / c.wallRatio < 1 ? 3 : 1)}×` : "–";
    rows.push(
      `| ${c.id} | ${c.ours} / ${c.peer}${c.peerKilled ? " (peer killed: speed-up is a lower bound)" : ""} | ${fmt(c.wallRatio)} | ${speedup} | ${fmt(c.cpuRatio)} | ${fmt(c.rssRatio)} | ${c.target?.text ?? ""} | ${mark(c.met)} |`,
    );
  }
  return rows;
}

function scalingTable(scales) {
  const rows = [
    "## Scaling",
    "",
    "| scale | files | deploylint wall s | µs per file | deploylint peak RSS MiB | secretlint wall s | squawk wall s |",
    "|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const s of scales) {
    const full = s.stats["dl-full"];
    const perFile = full ? (full.wallMs * 1000) / s.files : null;
    rows.push(
      `| ${s.scale} | ${s.files} | ${secs(full?.wallMs ?? null)} | ${fmt(perFile, 0)} | ${fmt(full?.rssMb ?? null, 0)} | ${secs(s.stats.secretlint?.wallMs ?? null)} | ${secs(s.stats.squawk?.wallMs ?? null)} |`,
    );
  }
  return rows;
}
