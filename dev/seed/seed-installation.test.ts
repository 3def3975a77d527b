import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, staffToken, startStack } from "../../test/harness";
import { CATEGORIES } from "./catalog-data";
import {
  DEMO_INSTALLERS,
  INSTALLATION_AREAS,
  INSTALLER_PASSWORD,
  type InstallationSeedResult,
  seedInstallation,
} from "./seed-installation";

let stack: Stack;
let first: InstallationSeedResult;
let second: InstallationSeedResult;

const rows = async (sql: string) => (await stack.sql.execute(sql)).rows;

beforeAll(async () => {
  stack = await startStack();
  const merchantToken = await staffToken(stack, "merchant_admin");
  const api = { baseUrl: stack.baseUrl, merchantToken };
  // The demo categories the services attach to (the catalog seed creates them with its products).
  const ids = new Map<string, number>();
  for (const c of CATEGORIES.filter((c) => !c.parent || c.key === "ac-portable")) {
    const res = await stack.fetch("/api/admin/categories", {
      method: "POST",
      token: merchantToken,
      json: { name: c.name, ...(c.parent ? { parentId: ids.get(c.parent) } : {}) },
    });
    ids.set(c.key, Number(((await res.json()) as { id: number }).id));
  }
  first = await seedInstallation(api);
  second = await seedInstallation(api);
}, 120_000);
afterAll(() => stack.close());

describe("installation demo seed", () => {
  it("creates services, eight city areas, two installers and 14 days of slots, once", () => {
    expect(first).toEqual({ services: 5, areas: 8, installers: 2, slots: 8 * 2 * 14 });
    expect(second).toEqual({ services: 0, areas: 0, installers: 0, slots: 0 });
  });

  it("prices the extras per category, with 移动空调 overriding 空调 and no service for 冰箱", async () => {
    const services = await rows(
      `SELECT c.name, s.requires_installation r, s.bracket_fee_fen b, s.high_altitude_fee_fen h
       FROM install_services s JOIN categories c ON c.id = s.category_id ORDER BY c.name`,
    );
    expect(Object.fromEntries(services.map((s) => [String(s.name), [Number(s.r), s.b, s.h]]))).toEqual({
      空调: [1, 8000, 15000],
      移动空调: [0, null, null],
      热水器: [1, null, null],
      电视: [1, 9900, null],
      洗衣机: [0, null, null],
    });
  });

  it("covers the eight demo cities by region code, each with its installer", async () => {
    const areas = await rows("SELECT name, regions FROM install_areas ORDER BY id");
    expect(areas.map((a) => a.name)).toEqual(INSTALLATION_AREAS.map((a) => a.name));
    expect(JSON.parse(String(areas[3]!.regions))).toEqual([{ code: "440300", name: "深圳市" }]);
    const links = await rows(
      `SELECT s.username, count(*) n FROM install_area_installers ai JOIN staff s ON s.id = ai.staff_id
       GROUP BY s.username ORDER BY s.username`,
    );
    expect(links.map((l) => [l.username, Number(l.n)])).toEqual([
      ["installer1", 4],
      ["installer2", 4],
    ]);
  });

  it("lets the demo installers log in", async () => {
    for (const i of DEMO_INSTALLERS) {
      const res = await stack.fetch("/api/auth/staff-login", {
        method: "POST",
        json: { username: i.username, password: INSTALLER_PASSWORD },
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { staff: { role: string } }).staff.role).toBe("installer");
    }
  });
});
