/**
 * H5 store first load: bytes (raw and gzip) and requests of the home page, against the budget CI
 * checks (bench/h5-budget.test.ts). Needs `npm run build:h5` first.
 *
 *   npm run bench -- h5
 */
import { pathToFileURL } from "node:url";
import { H5_BUDGET, h5Built, measureFirstLoad } from "./lib/h5-first-load";
import { markdownTable } from "./lib/load";

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

export async function run(): Promise<void> {
  if (!h5Built()) {
    console.log("no H5 build: run `npm run build:h5` first (skipped)");
    return;
  }
  const r = await measureFirstLoad();
  const byType = new Map<string, { n: number; raw: number; gz: number }>();
  for (const f of r.files) {
    const t = f.path.endsWith(".js")
      ? "js"
      : f.path.endsWith(".css")
        ? "css"
        : f.path.endsWith(".html") || f.path === "/"
          ? "html"
          : f.type.split(";")[0]!;
    const e = byType.get(t) ?? { n: 0, raw: 0, gz: 0 };
    byType.set(t, { n: e.n + 1, raw: e.raw + f.rawBytes, gz: e.gz + f.gzipBytes });
  }
  console.log("Home page first load (same-origin static requests; API calls counted apart):\n");
  console.log(
    markdownTable(
      ["kind", "requests", "raw", "gzip"],
      [
        ...[...byType].map(([t, e]) => [t, e.n, kb(e.raw), kb(e.gz)]),
        ["**total**", r.requests, kb(r.rawBytes), kb(r.gzipBytes)],
        ["budget", H5_BUDGET.requests, kb(H5_BUDGET.rawBytes), kb(H5_BUDGET.gzipBytes)],
      ],
    ),
  );
  const biggest = [...r.files].sort((a, b) => b.rawBytes - a.rawBytes).slice(0, 5);
  console.log("\nlargest files:\n");
  console.log(
    markdownTable(
      ["path", "raw", "gzip", "cache-control"],
      biggest.map((f) => [f.path, kb(f.rawBytes), kb(f.gzipBytes), f.cacheControl ?? "–"]),
    ),
  );
  console.log(`\nAPI calls during the load: ${r.apiCalls}; unresolved components: ${r.unresolved.length}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await run();
