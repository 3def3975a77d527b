import { createClient } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql/web";
import { shoppers, staff } from "../auth/schema";

/**
 * Tables readable through drizzle's relational API (`db.query.<table>`): only those still read that way
 * (the auth and agent services). Everything else uses db.select(), and new code should too, so that
 * the database layer need not know every domain's tables. drizzle-kit reads the domains' schema files
 * itself (drizzle.config.ts).
 */
const relationalTables = { shoppers, staff };

export type Db = ReturnType<typeof createDb>;

export function createDb(url: string, authToken?: string) {
  const client = createClient({ url, authToken });
  return drizzle(client, { schema: relationalTables });
}
