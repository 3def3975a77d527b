import { z } from "@hono/zod-openapi";
import { SERIAL_NO } from "../installation/model";
import { WARRANTY_POLICIES } from "./warranty-policies";

const slugs = WARRANTY_POLICIES.map((p) => p.slug) as [string, ...string[]];

/** "杭州市" and "杭州" are the same city to a shopper. */
export const normalizeCity = (city: string) => city.trim().replace(/市$/, "");

export const outletQuery = z
  .object({
    city: z.string().trim().min(1).max(20).optional(),
    lat: z.coerce.number().min(-90).max(90).optional().openapi({ description: "顾客纬度（GCJ-02）" }),
    lng: z.coerce.number().min(-180).max(180).optional().openapi({ description: "顾客经度（GCJ-02）" }),
    category: z.enum(slugs, { message: `品类只能是：${slugs.join("、")}` }).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .refine((q) => (q.lat === undefined) === (q.lng === undefined), {
    message: "经纬度需要同时提供",
    path: ["lat"],
  });
export type OutletQuery = z.infer<typeof outletQuery>;

export const orderItemParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "id", in: "path" }, description: "订单商品 id" }),
});

export const serialParams = z.object({
  serial: z
    .string()
    .regex(SERIAL_NO, { message: "序列号应为 6–40 位字母、数字或短横线" })
    .openapi({ param: { name: "serial", in: "path" }, description: "设备序列号（安装完工时登记）" }),
});
