/**
 * The mini program's API types, generated from the worker's OpenAPI 3.1 document.
 *
 *   npm run api:types              writes miniprogram-uni/src/api/openapi.d.ts
 *   npm run api:types -- --check   exits 1 when the checked-in file is not what the worker describes
 *
 * The document is built in plain Node (createApp().getOpenAPI31Document), no workerd needed: nothing the
 * routes import at module load may need `cloudflare:workers` (Durable Object classes stay behind
 * `import type`). dev/api-types.test.ts runs the same check inside `npm test`.
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { createApp, OPENAPI_DOCUMENT } from "../worker/app";

export const API_TYPES_FILE = fileURLToPath(
  new URL("../miniprogram-uni/src/api/openapi.d.ts", import.meta.url),
);

const HEADER = `/**
 * Generated – do not edit. Run \`npm run api:types\` after changing a route or a response schema.
 * Source: the worker's OpenAPI 3.1 document (/api/openapi.json), via dev/api-types.ts and openapi-typescript.
 */

`;

/** The OpenAPI document exactly as the worker serves it at /api/openapi.json. */
export function openApiDocument() {
  return createApp().getOpenAPI31Document(OPENAPI_DOCUMENT);
}

/** The contents of miniprogram-uni/src/api/openapi.d.ts for the current routes and schemas. */
export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(openApiDocument() as unknown as OpenAPI3, { silent: true });
  return HEADER + astToString(ast);
}

/** The first line where two texts differ (1-based), for a readable --check failure. */
function firstDifference(a: string, b: string): number {
  const al = a.split("\n");
  const bl = b.split("\n");
  for (let i = 0; i < Math.max(al.length, bl.length); i++) if (al[i] !== bl[i]) return i + 1;
  return 0;
}

async function main(argv: string[]) {
  const check = argv.includes("--check");
  const generated = await generateApiTypes();
  const current = await readFile(API_TYPES_FILE, "utf8").catch(() => undefined);
  if (check) {
    if (current === generated) {
      console.log("api types: miniprogram-uni/src/api/openapi.d.ts is up to date");
      return 0;
    }
    console.error(
      current === undefined
        ? "api types: miniprogram-uni/src/api/openapi.d.ts is missing."
        : `api types: miniprogram-uni/src/api/openapi.d.ts is out of date (first difference at line ${firstDifference(current, generated)}).`,
    );
    console.error(
      "The worker's routes or response schemas changed: run `npm run api:types` and commit the result.",
    );
    return 1;
  }
  if (current === generated) console.log("api types: unchanged");
  else {
    await writeFile(API_TYPES_FILE, generated);
    console.log("api types: wrote miniprogram-uni/src/api/openapi.d.ts");
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
