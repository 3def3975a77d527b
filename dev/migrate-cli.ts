/** `LIBSQL_URL=… LIBSQL_AUTH_TOKEN=… tsx dev/migrate-cli.ts`: apply migrations to any libSQL server (Turso in production). */
import { applyMigrations } from "./migrate";

const url = process.env.LIBSQL_URL;
if (!url) {
  console.error("LIBSQL_URL is required");
  process.exit(2);
}
await applyMigrations(url, process.env.LIBSQL_AUTH_TOKEN);
console.log(JSON.stringify({ level: "info", msg: "migrations applied", url: url.replace(/\?.*$/, "") }));
