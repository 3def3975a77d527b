// Which service area covers an address. Pure. Areas name GB/T 2260 region codes: a province
// "440000", a city "440300" or a district "440305". Addresses carry codes when the address book has
// them; older ones only have names, so names are the fallback.

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

type Level = 1 | 2 | 3;
/** 1 province, 2 city, 3 district. */
export const regionLevel = (code: string): Level => (code.endsWith("0000") ? 1 : code.endsWith("00") ? 2 : 3);
const prefixOf = (code: string) => code.slice(0, regionLevel(code) * 2);

/**
 * Whether a region code covers an address code: a province covers its cities and districts, a city its
 * districts. (The same prefix rule as logistics' freight regions.)
 */
export function regionCovers(ruleCode: string, addressCode: string): boolean {
  return regionLevel(addressCode) >= regionLevel(ruleCode) && addressCode.startsWith(prefixOf(ruleCode));
}

/** "广东省" → "广东", "深圳市" → "深圳", "广西壮族自治区" → "广西"; districts keep 区/县. */
export const normalizeRegionName = (name: string) =>
  name
    .trim()
    .replace(/\s+/g, "")
    .replace(/(特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区|省|市)$/, "");

function nameCovers(region: AreaRegion, a: AddressRegion): boolean {
  const name = normalizeRegionName(region.name);
  switch (regionLevel(region.code)) {
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

/** The address's most specific code, when it has codes. */
function addressCode(a: AddressRegion): string | undefined {
  for (const c of [a.districtCode, a.cityCode, a.provinceCode]) if (c && REGION_CODE.test(c)) return c;
  return undefined;
}

/**
 * The area covering the address: by codes when the address has them, else by names. When several
 * areas cover it, the most specific region wins (a district area before its city's area); on a tie,
 * the lowest id.
 */
export function matchArea<A extends AreaForMatch>(
  areas: readonly A[],
  address: AddressRegion,
): A | undefined {
  const code = addressCode(address);
  let best: { area: A; level: number } | undefined;
  for (const area of [...areas].sort((x, y) => x.id - y.id)) {
    for (const r of area.regions) {
      const hit = code ? regionCovers(r.code, code) : nameCovers(r, address);
      const level = regionLevel(r.code);
      if (hit && (!best || level > best.level)) best = { area, level };
    }
  }
  return best?.area;
}
