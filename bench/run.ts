import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { emit, type Scenario } from "./harness.js";

// Runs every scenario in bench/scenarios (or the ones named on the command line),
// each in a process of its own, so one scenario's heap, caches and peak RSS do not
// colour the next one's numbers; JSON lines are printed as they come.
const here = dirname(fileURLToPath(import.meta.url));
/**
 * Node flags per scenario. deliver runs the worker, so it runs as `paperboy worker`
 * does (bin/paperboy.js); the others measure code paths with Node's defaults.
 */
const NODE_FLAGS: Record<string, string[]> = { "deliver.ts": ["--max-semi-space-size=64"] };
const args = process.argv.slice(2);

if (args[0] === "--in-process") {
  const file = args[1]!;
  const mod = (await import(pathToFileURL(join(here, "scenarios", file)).href)) as { default: Scenario };
  const results = await mod.default();
  for (const result of results ?? []) emit(result);
  process.exit(0);
}

const files = readdirSync(join(here, "scenarios"))
  .filter((f) => f.endsWith(".ts"))
  .filter((f) => args.length === 0 || args.includes(f.replace(/\.ts$/, "")))
  .sort();
if (files.length === 0) {
  console.error(`no bench scenario named ${args.join(", ")} (see bench/scenarios)`);
  process.exit(2);
}

let failed = false;
for (const file of files) {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, ...(NODE_FLAGS[file] ?? []), fileURLToPath(import.meta.url), "--in-process", file],
    { stdio: "inherit" },
  );
  if (child.status !== 0) {
    console.error(`bench scenario ${file} failed (exit ${child.status ?? child.signal})`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
