import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "turso",
  // Each domain owns its tables (worker/<domain>/schema.ts; notifications has a second file).
  schema: [
    "./worker/*/schema.ts",
    "./worker/notifications/subscribe-schema.ts",
    "./worker/marketing/promotion-schema.ts",
    "./worker/catalog/revision-schema.ts",
    "./worker/catalog/search-schema.ts",
    "./worker/catalog/restock-schema.ts",
    "./worker/after-sales/repair/schema.ts",
    "./worker/after-sales/cases/schema.ts",
    "./worker/after-sales/price-protection/schema.ts",
  ],
  out: "./migrations",
  dbCredentials: {
    url: process.env.LIBSQL_URL ?? "http://127.0.0.1:8080",
    authToken: process.env.LIBSQL_AUTH_TOKEN,
  },
});
