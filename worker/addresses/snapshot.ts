import type { addresses } from "./schema";

/** An address as an order keeps it: a copy, so editing the address book never rewrites an order. */
export interface AddressSnapshot {
  receiverName: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
}

export function addressSnapshot(a: typeof addresses.$inferSelect): AddressSnapshot {
  return {
    receiverName: a.receiverName,
    phone: a.phone,
    province: a.province,
    city: a.city,
    district: a.district,
    detail: a.detail,
  };
}
