/**
 * Typed appliance attributes shoppers can filter on. A definition says how a value is validated,
 * shown (规格参数 table, tags) and indexed for search.
 */
export type AttributeDef =
  | { kind: "number"; label: string; unit: string; min: number; max: number; format?: (v: number) => string }
  | { kind: "enum"; label: string; values: readonly string[]; format?: (v: string) => string }
  | { kind: "grade"; label: string; max: number; format: (v: number) => string };

const CN_DIGITS = ["零", "一", "二", "三", "四", "五"];

export const ATTRIBUTES = {
  energy_grade: { kind: "grade", label: "能效等级", max: 5, format: (v) => `${CN_DIGITS[v]}级能效` },
  screen_inch: { kind: "number", label: "屏幕尺寸", unit: "英寸", min: 10, max: 120 },
  resolution: { kind: "enum", label: "分辨率", values: ["1080P", "4K", "8K"] },
  refresh_rate_hz: { kind: "number", label: "刷新率", unit: "Hz", min: 50, max: 300 },
  capacity_l: { kind: "number", label: "总容积", unit: "L", min: 1, max: 2000 },
  door_type: {
    kind: "enum",
    label: "门款式",
    values: ["单门", "双门", "三门", "对开门", "十字对开门", "法式多门"],
  },
  capacity_kg: { kind: "number", label: "洗涤容量", unit: "kg", min: 1, max: 30 },
  washer_type: { kind: "enum", label: "洗衣机类型", values: ["滚筒", "波轮", "洗烘一体", "干衣机"] },
  horsepower: { kind: "number", label: "匹数", unit: "匹", min: 0.5, max: 10 },
  ac_type: { kind: "enum", label: "空调类型", values: ["挂机", "柜机", "中央空调", "移动空调"] },
  inverter: { kind: "enum", label: "变频/定频", values: ["变频", "定频"] },
  power_w: { kind: "number", label: "额定功率", unit: "W", min: 1, max: 20000 },
  noise_db: { kind: "number", label: "噪音", unit: "dB", min: 0, max: 120 },
  width_mm: { kind: "number", label: "宽", unit: "mm", min: 1, max: 5000 },
  height_mm: { kind: "number", label: "高", unit: "mm", min: 1, max: 5000 },
  depth_mm: { kind: "number", label: "深", unit: "mm", min: 1, max: 5000 },
} satisfies Record<string, AttributeDef>;

export type AttributeKey = keyof typeof ATTRIBUTES;
export type AttributeValues = Partial<Record<AttributeKey, string | number>>;

export const isAttributeKey = (k: string): k is AttributeKey => Object.hasOwn(ATTRIBUTES, k);

/** Validates an attribute map; returns Chinese error messages per offending key. */
export function validateAttributes(input: Record<string, unknown>): {
  values: AttributeValues;
  errors: { key: string; message: string }[];
} {
  const values: AttributeValues = {};
  const errors: { key: string; message: string }[] = [];
  const fail = (key: string, message: string) => errors.push({ key, message });
  for (const [key, raw] of Object.entries(input)) {
    if (!isAttributeKey(key)) {
      fail(key, `未知的商品属性：${key}`);
      continue;
    }
    const def: AttributeDef = ATTRIBUTES[key];
    if (def.kind === "enum") {
      if (typeof raw !== "string" || !def.values.includes(raw))
        fail(key, `${def.label}必须是以下之一：${def.values.join("、")}`);
      else values[key] = raw;
    } else {
      const n = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
      const [min, max] = def.kind === "grade" ? [1, def.max] : [def.min, def.max];
      if (typeof n !== "number" || !Number.isFinite(n) || n < min || n > max)
        fail(key, `${def.label}必须是 ${min} 到 ${max} 之间的数字`);
      else if (def.kind === "grade" && !Number.isInteger(n)) fail(key, `${def.label}必须是整数`);
      else values[key] = n;
    }
  }
  return { values, errors };
}

/** Every definition as data (for the console's forms): unit/min/max for numbers, values for enums. */
export function attributeDefinitions() {
  return (Object.entries(ATTRIBUTES) as [AttributeKey, AttributeDef][]).map(([key, def]) => ({
    key,
    label: def.label,
    kind: def.kind,
    unit: def.kind === "number" ? def.unit : null,
    min: def.kind === "number" ? def.min : def.kind === "grade" ? 1 : null,
    max: def.kind === "enum" ? null : def.max,
    values: def.kind === "enum" ? [...def.values] : [],
  }));
}

/** Human text for one attribute value, e.g. 一级能效, 65英寸, 1.5匹. */
export function formatAttribute(key: AttributeKey, value: string | number): string {
  const def: AttributeDef = ATTRIBUTES[key];
  if (def.kind === "grade") return def.format(Number(value));
  if (def.kind === "enum") return String(value);
  return `${value}${def.unit}`;
}

/** The 规格参数 table for a product detail page. */
export function specTable(values: AttributeValues): { key: AttributeKey; label: string; value: string }[] {
  return (Object.keys(ATTRIBUTES) as AttributeKey[])
    .filter((k) => values[k] !== undefined)
    .map((k) => ({
      key: k,
      label: ATTRIBUTES[k].label,
      value: formatAttribute(k, values[k] as string | number),
    }));
}

/** Index rows for product_attributes: numbers and grades are numeric, enums textual. */
export function attributeIndexRows(values: AttributeValues) {
  return (Object.entries(values) as [AttributeKey, string | number][]).map(([key, v]) => ({
    key,
    numValue: typeof v === "number" ? v : null,
    textValue: typeof v === "string" ? v : null,
  }));
}

export type AttributeFilter =
  | { key: AttributeKey; kind: "range"; min?: number; max?: number }
  | { key: AttributeKey; kind: "in"; values: (string | number)[] };

/**
 * Parses `attr.<key>=<value>` query parameters: `1` or `1,2` (one of), `400-600`, `400-` or `-600` (ranges).
 * Returns undefined with a message when a filter is malformed.
 */
export function parseAttributeFilter(key: string, raw: string): AttributeFilter | string {
  if (!isAttributeKey(key)) return `未知的筛选属性：${key}`;
  const def: AttributeDef = ATTRIBUTES[key];
  if (def.kind === "enum") {
    const values = raw.split(",").filter((v) => def.values.includes(v));
    return values.length ? { key, kind: "in", values } : `${def.label}筛选值无效`;
  }
  const range = raw.match(/^(\d+(?:\.\d+)?)?-(\d+(?:\.\d+)?)?$/);
  if (range && (range[1] || range[2]))
    return {
      key,
      kind: "range",
      ...(range[1] ? { min: Number(range[1]) } : {}),
      ...(range[2] ? { max: Number(range[2]) } : {}),
    };
  const nums = raw.split(",").map(Number);
  if (nums.every((n) => Number.isFinite(n)) && nums.length) return { key, kind: "in", values: nums };
  return `${def.label}筛选值无效`;
}
