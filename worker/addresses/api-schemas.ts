import { z } from "@hono/zod-openapi";

/** Response schemas of /api/addresses (documentation and the mini program's generated types). */

/** A shopper's saved address, as addressView returns it. */
export const AddressSchema = z
  .object({
    id: z.number().int(),
    receiverName: z.string(),
    phone: z.string(),
    province: z.string().openapi({ description: "省（名称，由代码得出）" }),
    city: z.string(),
    district: z.string(),
    provinceCode: z.string().nullable().openapi({ description: "GB/T 2260 省级代码（旧地址为 null）" }),
    cityCode: z.string().nullable().openapi({ description: "GB/T 2260 市级代码（旧地址为 null）" }),
    districtCode: z.string().nullable().openapi({ description: "GB/T 2260 区县代码（旧地址为 null）" }),
    detail: z.string(),
    isDefault: z.boolean(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  })
  .openapi("Address");

export const AddressListSchema = z.object({ items: z.array(AddressSchema) }).openapi("AddressList");
