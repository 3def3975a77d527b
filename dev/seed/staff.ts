/** Demo staff accounts for local mode; created once, never overwritten (a changed password stays). */
import type { Client } from "@libsql/client/web";
import type { StaffRole } from "../../worker/shared/auth";
import { hashPassword } from "../../worker/shared/password";

export interface DemoStaff {
  username: string;
  password: string;
  displayName: string;
  role: StaffRole;
}

export const DEMO_STAFF: DemoStaff[] = [
  { username: "merchant", password: "jiadian-merchant", displayName: "店长 张三", role: "merchant_admin" },
  { username: "ops", password: "jiadian-ops", displayName: "运营 小王", role: "operations" },
  { username: "agent1", password: "jiadian-agent", displayName: "客服 小美", role: "agent" },
  { username: "agent2", password: "jiadian-agent", displayName: "客服 小李", role: "agent" },
];

export async function ensureStaff(sql: Client, accounts: DemoStaff[] = DEMO_STAFF): Promise<void> {
  const existing = new Set(
    (await sql.execute("SELECT username FROM staff")).rows.map((r) => String(r.username)),
  );
  for (const a of accounts) {
    if (existing.has(a.username)) continue; // hashing is deliberately slow: skip accounts already there
    await sql.execute({
      sql: `INSERT INTO staff (username, display_name, role, password_hash, disabled, created_at)
            VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT(username) DO NOTHING`,
      args: [a.username, a.displayName, a.role, await hashPassword(a.password), Date.now()],
    });
  }
}
