/**
 * Region options for the freight and delivery forms, from @vant/area-data 2.1.0: the same data the worker
 * validates region codes against (worker/logistics/regions.ts) and the mini program's picker shows.
 * Codes nest by prefix: province PP0000, city PPCC00, county PPCCDD.
 */
import { areaList } from "@vant/area-data";

/** A type alias, not an interface: Element Plus's CascaderOption has an index signature. */
export type RegionOption = {
  value: string;
  label: string;
  children?: RegionOption[];
};

let cached: RegionOption[] | null = null;

/** Provinces → cities → counties, built once. */
export function regionOptions(): RegionOption[] {
  if (cached) return cached;
  const byPrefix = (list: Record<string, string>, prefix: string) =>
    Object.entries(list)
      .filter(([code]) => code.startsWith(prefix))
      .map(([value, label]) => ({ value, label }));
  cached = Object.entries(areaList.province_list).map(([p, label]) => ({
    value: p,
    label,
    children: byPrefix(areaList.city_list, p.slice(0, 2)).map((c) => ({
      ...c,
      children: byPrefix(areaList.county_list, c.value.slice(0, 4)),
    })),
  }));
  return cached;
}

const nameOf = (code: string) =>
  areaList.province_list[code] ?? areaList.city_list[code] ?? areaList.county_list[code] ?? code;

/** The cascader path of a code: a city is [province, city], a county [province, city, county]. */
export function pathOf(code: string): string[] {
  const province = `${code.slice(0, 2)}0000`;
  const city = `${code.slice(0, 4)}00`;
  if (code === province) return [code];
  if (code === city) return [province, code];
  return [province, city, code];
}

/** "广东省、北京市、南山区" for a list of codes (at most `max` names, then 等 N 个地区). */
export function regionNames(codes: readonly string[], max = 6): string {
  if (!codes.length) return "—";
  const names = codes.slice(0, max).map(nameOf).join("、");
  return codes.length > max ? `${names} 等 ${codes.length} 个地区` : names;
}
