import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { emit, type Scenario } from "./harness.js";

// Runs every scenario in bench/scenarios (or the ones named on the command line),
// each in turn, printing its JSON lines as they come.
const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(join(here, "scenarios"))
  .filter((f) => f.endsWith(".ts"))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.ts$/, "")))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, "scenarios", file)).href)) as { default: Scenario };
  const results = await mod.default();
  for (const result of results ?? []) emit(result);
}
process.exit(0);
