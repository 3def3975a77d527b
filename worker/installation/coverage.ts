// Which service area covers an address. Pure. Areas name GB/T 2260 region codes: a province
// "440000", a city "440300" or a district "440305". Addresses carry codes when the address book has
// them; older ones only have names, so names are the fallback. Codes are matched by logistics'
// regionMatches (the same rule freight and delivery promises use).
import { regionLevel, regionMatches } from "../logistics/regions";

export interface AreaRegion {
  /** Six digits: "440000" province, "440300" city, "440305" district. */
  code: string;
  /** As shoppers write it: "广东省", "深圳市", "南山区" (or "深圳市南山区" to tell same-named districts apart). */
  name: string;
}

export interface AreaForMatch {
  id: number;
  regions: readonly AreaRegion[];
}

export interface AddressRegion {
  province: string;
  city: string;
  district: string;
  provinceCode?: string | null;
  cityCode?: string | null;
  districtCode?: string | null;
}

export const REGION_CODE = /^\d{6}$/;

const LEVEL_RANK = { province: 1, city: 2, district: 3 } as const;
/** 1 province, 2 city, 3 district; 0 for a code that names no region. */
const rankOf = (code: string) => {
  const level = regionLevel(code);
  return level ? LEVEL_RANK[level] : 0;
};

/** "广东省" → "广东", "深圳市" → "深圳", "广西壮族自治区" → "广西"; districts keep 区/县. */
export const normalizeRegionName = (name: string) =>
  name
    .trim()
    .replace(/\s+/g, "")
    .replace(/(特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区|省|市)$/, "");

function nameCovers(region: AreaRegion, a: AddressRegion): boolean {
  const name = normalizeRegionName(region.name);
  switch (rankOf(region.code)) {
    case 0:
      return false;
    case 1:
      // Municipalities: 北京市 is the province and the city.
      return name === normalizeRegionName(a.province) || name === normalizeRegionName(a.city);
    case 2:
      return name === normalizeRegionName(a.city);
    case 3: {
      // "南山区", or "南京市鼓楼区" for a district whose name other cities share.
      const full = region.name.replace(/\s+/g, "");
      const district = a.district.replace(/\s+/g, "");
      if (!district) return false;
      if (full === district) return true;
      return (
        full.endsWith(district) &&
        normalizeRegionName(full.slice(0, -district.length)) === normalizeRegionName(a.city)
      );
    }
  }
}

/**
 * The area covering the address: by its district code when it has one, else by names. When several
 * areas cover it, the most specific region wins (a district area before its city's area); on a tie,
 * the lowest id.
 */
export function matchArea<A extends AreaForMatch>(
  areas: readonly A[],
  address: AddressRegion,
): A | undefined {
  const code =
    address.districtCode && REGION_CODE.test(address.districtCode) ? address.districtCode : undefined;
  let best: { area: A; level: number } | undefined;
  for (const area of [...areas].sort((x, y) => x.id - y.id)) {
    for (const r of area.regions) {
      const hit = code ? regionMatches(r.code, code) : nameCovers(r, address);
      const level = rankOf(r.code);
      if (hit && (!best || level > best.level)) best = { area, level };
    }
  }
  return best?.area;
}
