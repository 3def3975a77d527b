/**
 * `npm run bench`: runs every benchmark part in bench/*.ts (each exports `run(): Promise<void>`),
 * one after another, in file-name order. `npm run bench -- inventory` runs only the named parts.
 */
import { readdirSync } from "node:fs";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const parts = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.endsWith(".test.ts"))
  .map((f) => basename(f, ".ts"))
  .filter((name) => !only.length || only.includes(name))
  .sort();

if (!parts.length) {
  console.error(`no benchmark parts found${only.length ? ` named ${only.join(", ")}` : ""}`);
  process.exit(1);
}
for (const name of parts) {
  const mod = (await import(pathToFileURL(resolve(dir, `${name}.ts`)).href)) as { run?: () => Promise<void> };
  if (typeof mod.run !== "function") {
    console.error(`bench/${name}.ts exports no run(); skipped`);
    continue;
  }
  console.log(`\n## ${name}\n`);
  await mod.run();
}
