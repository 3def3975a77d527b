/**
 * The product page's "送至" region: what the shopper last picked, kept in storage for the next product
 * (a code triple the worker accepts), and the codes of a district the estimate answered with.
 */
import { regionLabel, type RegionCodes } from "./region-columns";

const KEY = "jd.deliverTo";

/** The codes of a county-level district: its province PP0000 and city PPCC00 by prefix. */
export function codesOfDistrict(districtCode: string | null | undefined): RegionCodes | null {
  if (!districtCode || !/^\d{6}$/.test(districtCode)) return null;
  const codes = {
    provinceCode: `${districtCode.slice(0, 2)}0000`,
    cityCode: `${districtCode.slice(0, 4)}00`,
    districtCode,
  };
  return regionLabel(codes) ? codes : null;
}

/** The last picked region; null when none was picked or what was stored is no longer a valid district. */
export function savedDeliverRegion(): RegionCodes | null {
  try {
    const raw = uni.getStorageSync(KEY);
    const v = raw ? (JSON.parse(raw) as Partial<RegionCodes>) : null;
    return codesOfDistrict(v?.districtCode);
  } catch {
    return null;
  }
}

export function saveDeliverRegion(codes: RegionCodes) {
  uni.setStorageSync(KEY, JSON.stringify(codes));
}
