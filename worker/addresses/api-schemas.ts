import { z } from "@hono/zod-openapi";

/** Response schemas of /api/addresses (documentation and the mini program's generated types). */

/** A shopper's saved address, as addressView returns it. */
export const AddressSchema = z
  .object({
    id: z.number().int(),
    receiverName: z.string(),
    phone: z.string(),
    province: z.string(),
    city: z.string(),
    district: z.string(),
    detail: z.string(),
    isDefault: z.boolean(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  })
  .openapi("Address");

export const AddressListSchema = z.object({ items: z.array(AddressSchema) }).openapi("AddressList");
