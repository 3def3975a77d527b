import { z } from "@hono/zod-openapi";
import { STAFF_ROLES } from "../shared/auth";

/** Response schemas of /api/auth/* and /api/me: what service.ts and the token return. */

export const ShopperSessionSchema = z
  .object({
    token: z.string().openapi({ description: "Bearer token" }),
    shopper: z.object({ id: z.number().int(), nickname: z.string() }),
  })
  .openapi("ShopperSession");

const staffRole = z.enum(STAFF_ROLES);

export const StaffSessionSchema = z
  .object({
    token: z.string().openapi({ description: "Bearer token" }),
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
