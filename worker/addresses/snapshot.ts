import type { addresses } from "./schema";

/** An address as an order keeps it: a copy, so editing the address book never rewrites an order. */
export interface AddressSnapshot {
  receiverName: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  /** GB/T 2260 codes of the region (freight and delivery rules match on them); absent on older orders. */
  provinceCode?: string;
  cityCode?: string;
  districtCode?: string;
}

export function addressSnapshot(a: typeof addresses.$inferSelect): AddressSnapshot {
  return {
    receiverName: a.receiverName,
    phone: a.phone,
    province: a.province,
    city: a.city,
    district: a.district,
    detail: a.detail,
    ...(a.provinceCode && a.cityCode && a.districtCode
      ? { provinceCode: a.provinceCode, cityCode: a.cityCode, districtCode: a.districtCode }
      : {}),
  };
}
