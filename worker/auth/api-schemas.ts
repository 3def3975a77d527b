import { z } from "@hono/zod-openapi";
import { STAFF_ROLES } from "../shared/auth";

/** Response schemas of /api/auth/* and /api/me: what service.ts and the token return. */

export const ShopperSessionSchema = z
  .object({
    token: z.string().openapi({ description: "Bearer token" }),
    expiresAt: z.number().int().openapi({ description: "令牌过期时间（UTC 毫秒）" }),
    shopper: z.object({ id: z.number().int(), nickname: z.string() }),
  })
  .openapi("ShopperSession");

const staffRole = z.enum(STAFF_ROLES);

export const StaffSessionSchema = z
  .object({
    token: z.string().openapi({ description: "Bearer token（1 小时有效）" }),
    refreshToken: z.string().optional().openapi({
      description: "用于 POST /api/auth/refresh 换取新令牌（会话 12 小时内有效，每次使用后轮换）",
    }),
    expiresAt: z.number().int().openapi({ description: "令牌过期时间（UTC 毫秒）" }),
    staff: z.object({ id: z.number().int(), username: z.string(), name: z.string(), role: staffRole }),
  })
  .openapi("StaffSession");

/** Who the token belongs to. */
export const PrincipalSchema = z
  .union([
    z.object({ kind: z.literal("shopper"), id: z.number().int(), nickname: z.string() }),
    z.object({ kind: z.literal("staff"), id: z.number().int(), role: staffRole, name: z.string() }),
  ])
  .openapi("Principal");

export const RefreshedSessionSchema = z
  .object({
    token: z.string(),
    refreshToken: z.string().optional(),
    expiresAt: z.number().int(),
  })
  .openapi("RefreshedSession");

export const LogoutResultSchema = z
  .object({ endedSessions: z.number().int().openapi({ description: "结束的会话数" }) })
  .openapi("LogoutResult");

export const StaffAccountUpdateSchema = z
  .object({ id: z.number().int(), disabled: z.boolean(), endedSessions: z.number().int() })
  .openapi("StaffAccountUpdate");
