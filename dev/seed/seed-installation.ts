/**
 * Demo installation setup (送装一体), through the merchant API like the rest of the seed: the services
 * per category with extras priced like the big brands' published lists (美的/格力 空调挂机支架 about
 * ¥80, 高空作业 about ¥150 a unit; a TV wall mount ¥99), a service area with two daily windows in each of
 * the eight demo cities (dev/seed/outlets.ts), two installers, and slots for the next 14 days.
 * Services, areas and installers are created once; slots are topped up on every start (existing slots
 * are kept), so a long-lived local database always has two weeks to book.
 */
import { addDays, beijingDate } from "../../worker/installation/schedule";
import { merchantClient, type SeedApi } from "./merchant-api";

export type InstallationSeedApi = SeedApi;

export const INSTALLER_PASSWORD = "jiadian-installer";

/** Services by top-level category name; leaf names override their parent (移动空调 needs no installer). */
export const INSTALLATION_SERVICES: Record<string, Record<string, unknown>> = {
  空调: {
    requiresInstallation: true,
    includes: "含基础安装、3米铜管、打孔1个、排水管及基础辅材",
    bracketFeeFen: 8000,
    highAltitudeFeeFen: 15000,
    carryFeePerFloorFen: 1000,
    carryFreeFloors: 2,
  },
  移动空调: { requiresInstallation: false, includes: "插电即用，无需安装" },
  热水器: {
    requiresInstallation: true,
    includes: "含基础安装：挂架及膨胀螺栓、冷热水管连接、安全阀（燃气热水器含1.5米烟管）",
    carryFeePerFloorFen: 1000,
    carryFreeFloors: 2,
  },
  电视: {
    requiresInstallation: true,
    includes: "含上门安装调试（底座安装免费；挂装需选购挂架）",
    bracketFeeFen: 9900,
  },
  洗衣机: {
    requiresInstallation: false,
    includes: "送货上门免费基础安装：接通进水管、排水管，调平试机",
    carryFeePerFloorFen: 1000,
    carryFreeFloors: 2,
  },
  // 冰箱: no service (placed by the delivery crew, nothing to install).
};

const WINDOWS = [
  { start: "09:00", end: "12:00", capacity: 4 },
  { start: "13:00", end: "18:00", capacity: 6 },
];

/** The eight demo cities, by GB/T 2260 code (北京, 上海 are province-level municipalities). */
export const INSTALLATION_AREAS = [
  { name: "北京", regions: [{ code: "110000" }] },
  { name: "上海", regions: [{ code: "310000" }] },
  { name: "广州", regions: [{ code: "440100" }] },
  { name: "深圳", regions: [{ code: "440300" }] },
  { name: "杭州", regions: [{ code: "330100" }] },
  { name: "南京", regions: [{ code: "320100" }] },
  { name: "武汉", regions: [{ code: "420100" }] },
  { name: "成都", regions: [{ code: "510100" }] },
];

export const DEMO_INSTALLERS = [
  { username: "installer1", displayName: "安装师傅 王建国", areas: ["北京", "上海", "广州", "深圳"] },
  { username: "installer2", displayName: "安装师傅 李志强", areas: ["杭州", "南京", "武汉", "成都"] },
];

export interface InstallationSeedResult {
  services: number;
  areas: number;
  installers: number;
  slots: number;
}

export async function seedInstallation(
  api: InstallationSeedApi,
  now = Date.now(),
): Promise<InstallationSeedResult> {
  const call = merchantClient(api);
  const result: InstallationSeedResult = { services: 0, areas: 0, installers: 0, slots: 0 };

  let areas = (await call<{ items: { id: number; name: string }[] }>("GET", "/api/admin/installation/areas"))
    .items;
  if (areas.length === 0) {
    const tree = await call<{
      items: { id: number; name: string; children: { id: number; name: string }[] }[];
    }>("GET", "/api/categories");
    const categoryId = new Map(
      tree.items.flatMap((c) => [[c.name, c.id] as const, ...c.children.map((s) => [s.name, s.id] as const)]),
    );
    for (const [name, service] of Object.entries(INSTALLATION_SERVICES)) {
      const id = categoryId.get(name);
      if (id === undefined) continue;
      await call("PUT", `/api/admin/installation/services/${id}`, service);
      result.services++;
    }
    for (const a of INSTALLATION_AREAS)
      await call("POST", "/api/admin/installation/areas", { ...a, windows: WINDOWS });
    result.areas = INSTALLATION_AREAS.length;
    areas = (await call<{ items: { id: number; name: string }[] }>("GET", "/api/admin/installation/areas"))
      .items;

    const existing = new Set(
      (await call<{ items: { username: string }[] }>("GET", "/api/admin/installation/installers")).items.map(
        (i) => i.username,
      ),
    );
    for (const i of DEMO_INSTALLERS) {
      if (existing.has(i.username)) continue;
      await call("POST", "/api/admin/installation/installers", {
        username: i.username,
        password: INSTALLER_PASSWORD,
        displayName: i.displayName,
        areaIds: areas.filter((a) => i.areas.includes(a.name)).map((a) => a.id),
      });
      result.installers++;
    }
  }

  const today = beijingDate(now);
  for (const a of areas) {
    const { created } = await call<{ created: number }>(
      "POST",
      `/api/admin/installation/areas/${a.id}/slots/generate`,
      {
        from: addDays(today, 1),
        to: addDays(today, 14),
      },
    );
    result.slots += created;
  }
  return result;
}
