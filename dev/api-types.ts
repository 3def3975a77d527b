/**
 * The mini program's and the merchant console's API types, generated from the worker's OpenAPI 3.1 document.
 *
 *   npm run api:types              writes miniprogram-uni/src/api/openapi.d.ts and admin-console/src/api/openapi.d.ts
 *   npm run api:types -- --check   exits 1 when a checked-in file is not what the worker describes
 *
 * The document is built in plain Node (createApp().getOpenAPI31Document), no workerd needed: nothing the
 * routes import at module load may need `cloudflare:workers` (Durable Object classes stay behind
 * `import type`). dev/api-types.test.ts runs the same check inside `npm test`.
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { createApp, OPENAPI_DOCUMENT } from "../worker/app";
import { ADMIN_RULES, DEFAULT_ADMIN_ROLES } from "../worker/shared/admin-guard";

export const API_TYPES_FILE = fileURLToPath(
  new URL("../miniprogram-uni/src/api/openapi.d.ts", import.meta.url),
);
export const ADMIN_API_TYPES_FILE = fileURLToPath(
  new URL("../admin-console/src/api/openapi.d.ts", import.meta.url),
);
/** The admin role table (worker/shared/admin-guard.ts) for the console's menu: generated, never copied. */
export const ADMIN_RULES_FILE = fileURLToPath(
  new URL("../admin-console/src/api/admin-rules.json", import.meta.url),
);
export const adminRulesJson = () =>
  `${JSON.stringify({ rules: ADMIN_RULES, defaultRoles: DEFAULT_ADMIN_ROLES }, null, 2)}\n`;

/** Every checked-in copy of the generated types (the same text in each). */
const TARGETS = [
  { file: API_TYPES_FILE, name: "miniprogram-uni/src/api/openapi.d.ts" },
  { file: ADMIN_API_TYPES_FILE, name: "admin-console/src/api/openapi.d.ts" },
];

const HEADER = `/**
 * Generated – do not edit. Run \`npm run api:types\` after changing a route or a response schema.
 * Source: the worker's OpenAPI 3.1 document (/api/openapi.json), via dev/api-types.ts and openapi-typescript.
 */

`;

/** The OpenAPI document exactly as the worker serves it at /api/openapi.json. */
export function openApiDocument() {
  return createApp().getOpenAPI31Document(OPENAPI_DOCUMENT);
}

/** The contents of each openapi.d.ts for the current routes and schemas. */
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
  let stale = 0;
  const outputs = [
    ...TARGETS.map((t) => ({ ...t, text: generated })),
    { file: ADMIN_RULES_FILE, name: "admin-console/src/api/admin-rules.json", text: adminRulesJson() },
  ];
  for (const { file, name, text: generated } of outputs) {
    const current = await readFile(file, "utf8").catch(() => undefined);
    if (check) {
      if (current === generated) console.log(`api types: ${name} is up to date`);
      else {
        stale++;
        console.error(
          current === undefined
            ? `api types: ${name} is missing.`
            : `api types: ${name} is out of date (first difference at line ${firstDifference(current, generated)}).`,
        );
      }
    } else if (current === generated) console.log(`api types: ${name} unchanged`);
    else {
      await writeFile(file, generated);
      console.log(`api types: wrote ${name}`);
    }
  }
  if (stale)
    console.error(
      "The worker's routes or response schemas changed: run `npm run api:types` and commit the result.",
    );
  return stale ? 1 : 0;
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
