/**
 * The three linked columns of the region picker (省 / 市 / 区县), from the same @vant/area-data 2.1.0
 * (GB/T 2260) the worker validates addresses against, imported directly: no request, no drift.
 * Codes nest by prefix: province PP0000, city PPCC00, county PPCCDD.
 */
import { areaList } from "@vant/area-data";

export interface RegionOption {
  text: string;
  value: string;
}
export interface RegionCodes {
  provinceCode: string;
  cityCode: string;
  districtCode: string;
}
export type RegionIndexes = [number, number, number];

/** Options of one level grouped by the code prefix of their parent, in code order (built once, on first use). */
function groupByParent(list: Record<string, string>, prefix: number): Map<string, RegionOption[]> {
  const groups = new Map<string, RegionOption[]>();
  // Integer-like keys iterate in ascending order, i.e. in code order.
  for (const [value, text] of Object.entries(list)) {
    const key = value.slice(0, prefix);
    const group = groups.get(key);
    if (group) group.push({ text, value });
    else groups.set(key, [{ text, value }]);
  }
  return groups;
}
let tree: { provinces: RegionOption[]; cities: Map<string, RegionOption[]>; counties: Map<string, RegionOption[]> };
function data() {
  tree ??= {
    provinces: Object.entries(areaList.province_list).map(([value, text]) => ({ text, value })),
    cities: groupByParent(areaList.city_list, 2),
    counties: groupByParent(areaList.county_list, 4),
  };
  return tree;
}

const citiesOf = (provinceCode: string) => data().cities.get(provinceCode.slice(0, 2)) ?? [];
const countiesOf = (cityCode: string) => data().counties.get(cityCode.slice(0, 4)) ?? [];

/** The picker's columns when the given indexes are selected. */
export function regionColumns([p, c]: RegionIndexes): RegionOption[][] {
  const provinces = data().provinces;
  const cities = citiesOf(provinces[p]?.value ?? "");
  return [provinces, cities, countiesOf(cities[c]?.value ?? "")];
}

/** The indexes after the picker reports a move: the first column that moved resets the columns after it. */
export function nextIndexes(prev: RegionIndexes, reported: readonly number[]): RegionIndexes {
  const at = (i: number) => reported[i] ?? 0;
  if (at(0) !== prev[0]) return [at(0), 0, 0];
  if (at(1) !== prev[1]) return [prev[0], at(1), 0];
  return [prev[0], prev[1], at(2)];
}

/** Where saved codes sit in the columns (the first entry of a level whose code is unknown or missing). */
export function indexesOf(codes: Partial<RegionCodes>): RegionIndexes {
  const find = (options: RegionOption[], code?: string | null) =>
    Math.max(
      options.findIndex((o) => o.value === code),
      0,
    );
  const p = find(data().provinces, codes.provinceCode);
  const c = find(regionColumns([p, 0, 0])[1]!, codes.cityCode);
  const d = find(regionColumns([p, c, 0])[2]!, codes.districtCode);
  return [p, c, d];
}

/** The codes selected at the given indexes. */
export function codesAt(indexes: RegionIndexes): RegionCodes {
  const [provinces, cities, counties] = regionColumns(indexes);
  return {
    provinceCode: provinces?.[indexes[0]]?.value ?? "",
    cityCode: cities?.[indexes[1]]?.value ?? "",
    districtCode: counties?.[indexes[2]]?.value ?? "",
  };
}

/** "广东省 深圳市 南山区"; a municipality's city, which repeats the province, is shown once ("北京市 朝阳区"). */
export function regionLabel(codes: Partial<RegionCodes>): string {
  const province = areaList.province_list[codes.provinceCode ?? ""];
  const city = areaList.city_list[codes.cityCode ?? ""];
  const district = areaList.county_list[codes.districtCode ?? ""];
  if (!province || !city || !district) return "";
  return [province, city === province ? "" : city, district].filter(Boolean).join(" ");
}
