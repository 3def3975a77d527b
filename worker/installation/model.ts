// Request schemas of the installation APIs (merchant, shopper, installer, checkout choices).
import { z } from "@hono/zod-openapi";
import { REGION_CODE } from "./coverage";
import { isDate, isHm, MAX_GENERATE_DAYS, parseHm, windowsProblem } from "./schedule";

const feeFen = z.number().int().min(0).max(1_000_000);
const date = z.string().refine(isDate, { message: "日期格式应为 YYYY-MM-DD" });
const hm = z.string().refine(isHm, { message: "时间格式应为 HH:mm（如 09:00）" });

export const serviceInput = z
  .object({
    requiresInstallation: z.boolean().openapi({ description: "付款后是否生成安装工单（顾客预约上门）" }),
    includes: z.string().trim().max(200).default("").openapi({ example: "含基础安装、3米铜管、打孔1个" }),
    bracketFeeFen: feeFen.nullable().default(null).openapi({ description: "支架，每台（分）；null 不提供" }),
    highAltitudeFeeFen: feeFen.nullable().default(null).openapi({ description: "高空作业，每台（分）" }),
    carryFeePerFloorFen: feeFen
      .nullable()
      .default(null)
      .openapi({ description: "无电梯送货上楼，超过免费楼层后每层每台（分）" }),
    carryFreeFloors: z.number().int().min(0).max(100).default(1).openapi({ description: "免费楼层数" }),
  })
  .openapi("InstallationServiceInput");
export type ServiceInput = z.infer<typeof serviceInput>;

export const categoryParam = z.object({
  categoryId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "categoryId", in: "path" } }),
});

const region = z.object({
  code: z.string().regex(REGION_CODE, { message: "地区编码应为 6 位数字（GB/T 2260，如 440300）" }),
  name: z.string().trim().min(1).max(40).optional().openapi({ description: "省略时按编码填写标准名称" }),
});

const slotWindow = z.object({
  start: hm,
  end: hm,
  capacity: z.number().int().min(0).max(1000),
});
const windows = z
  .array(slotWindow)
  .min(1)
  .max(12)
  .superRefine((ws, ctx) => {
    if (!ws.every((w) => isHm(w.start) && isHm(w.end))) return;
    const problem = windowsProblem(ws);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const cutoff = z
  .object({
    daysBefore: z.number().int().min(0).max(7),
    time: hm.openapi({ description: "北京时间，如 18:00" }),
  })
  .openapi({ description: "改约/取消截止：服务日前 daysBefore 天的 time（北京时间）" });

const areaFields = {
  name: z.string().trim().min(1).max(40),
  regions: z.array(region).min(1).max(200),
  windows: windows.openapi({ description: "每天的时段（北京时间）与容量，生成时段时默认使用" }),
  cutoff: cutoff.optional(),
  active: z.boolean().optional(),
};
export const areaInput = z.object(areaFields).openapi("InstallationAreaInput");
export const areaPatch = z
  .object({
    name: areaFields.name.optional(),
    regions: areaFields.regions.optional(),
    windows: areaFields.windows.optional(),
    cutoff: areaFields.cutoff,
    active: areaFields.active,
  })
  .openapi("InstallationAreaPatch");
export type AreaInput = z.infer<typeof areaInput>;
export type AreaPatch = z.infer<typeof areaPatch>;

export const cutoffMinute = (time: string) => parseHm(time);

export const generateSlotsInput = z
  .object({
    from: date,
    to: date,
    windows: windows.optional().openapi({ description: "省略时使用服务区域的默认时段" }),
  })
  .refine((v) => v.from <= v.to, { message: "结束日期不能早于开始日期", path: ["to"] })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) < MAX_GENERATE_DAYS * 86_400_000, {
    message: `一次最多生成 ${MAX_GENERATE_DAYS} 天的时段`,
    path: ["to"],
  })
  .openapi("GenerateSlotsInput");

export const slotRangeQuery = z.object({ from: date.optional(), to: date.optional() });

export const capacityInput = z.object({ capacity: z.number().int().min(0).max(1000) });

export const installerInput = z
  .object({
    username: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{3,32}$/, { message: "用户名为 3–32 位字母、数字、下划线、点或短横线" }),
    password: z.string().min(8, { message: "密码至少 8 位" }).max(72),
    displayName: z.string().trim().min(1).max(20),
    areaIds: z.array(z.number().int().positive()).max(50).default([]),
  })
  .openapi("InstallerInput");

export const installerAreasInput = z.object({ areaIds: z.array(z.number().int().positive()).max(50) });

export const workOrderListQuery = z.object({
  status: z.enum(["awaiting_booking", "booked", "rescheduled", "on_the_way", "done", "cancelled"]).optional(),
  date: date.optional().openapi({ description: "预约日期（北京时间）" }),
  areaId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const assignInput = z.object({ installerId: z.number().int().positive() });
export const cancelInput = z.object({ reason: z.string().trim().min(1).max(200) });

export const bookInput = z.object({ slotId: z.number().int().positive() });

export const dayQuery = z.object({
  date: date.optional().openapi({ description: "北京时间日期，默认今天" }),
});

export const SERIAL_NO = /^[0-9A-Za-z-]{6,40}$/;

/**
 * The shopper's installation choices at checkout (for the quote and order input): bracket and
 * high-altitude work per SKU, the delivery floor and whether there is a lift.
 */
export const installationChoicesInput = z
  .object({
    bracket: z.array(z.number().int().positive()).max(50).optional(),
    highAltitude: z.array(z.number().int().positive()).max(50).optional(),
    floor: z.number().int().min(-5).max(200).optional(),
    hasLift: z.boolean().optional(),
  })
  .openapi("InstallationChoices");
