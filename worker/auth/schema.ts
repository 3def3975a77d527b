import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const shoppers = sqliteTable("shoppers", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** WeChat openid, or `dev:<nickname>` for the local development login. */
  openid: text("openid").notNull().unique(),
  unionid: text("unionid"),
  nickname: text("nickname").notNull(),
  avatarUrl: text("avatar_url"),
  createdAt: integer("created_at").notNull(),
});

export const staff = sqliteTable("staff", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: text("role", { enum: ["merchant_admin", "operations", "agent", "installer"] }).notNull(),
  passwordHash: text("password_hash").notNull(),
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  createdAt: integer("created_at").notNull(),
});

/**
 * Staff login attempts per fixed window, one row per key ("account:<username>" or "ip:<address>"):
 * counted before the password is checked, by one atomic upsert, so parallel guesses cannot all be
 * evaluated (see throttle.ts).
 */
export const loginAttempts = sqliteTable("login_attempts", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});

/**
 * One row per login (a device): every token carries its id, so a session can be ended (logout), all of
 * an account's sessions at once (sign out everywhere, a staff account disabled or its password reset),
 * and a staff refresh token can be rotated (a reused old one ends the session).
 */
export const authSessions = sqliteTable(
  "auth_sessions",
  {
    id: text("id").primaryKey(),
    principalKind: text("principal_kind").$type<"shopper" | "staff">().notNull(),
    principalId: integer("principal_id").notNull(),
    /** Bumped by every refresh; a refresh token of an older rotation is a stolen or replayed one. */
    rotation: integer("rotation").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("auth_sessions_principal").on(t.principalKind, t.principalId)],
);
