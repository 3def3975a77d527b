/** Applies migrations/ (drizzle-kit output) through the production driver, so any LIBSQL_URL works. */
import { resolve } from "node:path";
import { createClient } from "@libsql/client/web";
import { migrate } from "drizzle-orm/libsql/migrator";
import { drizzle } from "drizzle-orm/libsql/web";

export async function applyMigrations(url: string, authToken?: string): Promise<void> {
  const client = createClient({ url, authToken });
  try {
    await migrate(drizzle(client), { migrationsFolder: resolve(import.meta.dirname, "../migrations") });
  } finally {
    client.close();
  }
}
