/**
 * Demo images drawn locally as SVG: a simple product illustration per appliance kind, a spec card,
 * category icons and home banners. Output is a pure function of the input (no randomness, no fetched
 * fonts, no external references), so the sniffer in worker/catalog/images.ts accepts every file.
 */

export const ART_KINDS = [
  "tv",
  "fridge_cross",
  "fridge_side",
  "fridge_small",
  "washer_front",
  "washer_top",
  "dryer",
  "ac_wall",
  "ac_floor",
  "ac_portable",
  "hood",
  "dishwasher",
  "rice_cooker",
  "microwave",
  "blender",
  "stick_vacuum",
  "robot_vacuum",
  "purifier",
  "fan",
  "hair_dryer",
  "kettle",
  "heater_electric",
  "heater_gas",
] as const;
export type ArtKind = (typeof ART_KINDS)[number];

/** Roughly each brand's identity colour, used for accents, text and banners. */
export const BRAND_COLORS: Record<string, string> = {
  海尔: "#005BAC",
  美的: "#0090D7",
  格力: "#0B4DA2",
  小米: "#FF6900",
  海信: "#00A29A",
  TCL: "#E4002B",
  西门子: "#009999",
  松下: "#0041C0",
  索尼: "#111111",
  容声: "#C8102E",
  小天鹅: "#0072CE",
  方太: "#8C6A2F",
  老板: "#B3121B",
  九阳: "#E60012",
  苏泊尔: "#D7261E",
  戴森: "#7A3E9D",
  科沃斯: "#2B2B2B",
  创维: "#003DA5",
  "A.O.史密斯": "#C8102E",
};
const DEFAULT_ACCENT = "#1F6FEB";
export const brandColor = (brand: string) => BRAND_COLORS[brand] ?? DEFAULT_ACCENT;

const FONT =
  "PingFang SC, Hiragino Sans GB, Microsoft YaHei, Noto Sans CJK SC, Source Han Sans SC, sans-serif";

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type Attrs = Record<string, string | number>;
const attrs = (a: Attrs) =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${typeof v === "string" ? escapeXml(v) : v}"`)
    .join("");
const el = (tag: string, a: Attrs, children = "") =>
  children ? `<${tag}${attrs(a)}>${children}</${tag}>` : `<${tag}${attrs(a)}/>`;
const rect = (x: number, y: number, w: number, h: number, fill: string, extra: Attrs = {}) =>
  el("rect", { x, y, width: w, height: h, fill, ...extra });
const circle = (cx: number, cy: number, r: number, fill: string, extra: Attrs = {}) =>
  el("circle", { cx, cy, r, fill, ...extra });
const path = (d: string, fill: string, extra: Attrs = {}) => el("path", { d, fill, ...extra });
const text = (x: number, y: number, size: number, fill: string, content: string, extra: Attrs = {}) =>
  el("text", { x, y, "font-size": size, fill, "font-family": FONT, ...extra }, escapeXml(content));

/** Mixes a hex colour with white (amount > 0) or black (amount < 0). */
export function shade(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const target = amount >= 0 ? 255 : 0;
  const a = Math.abs(amount);
  const ch = (shift: number) => {
    const v = (n >> shift) & 0xff;
    return Math.round(v + (target - v) * a)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${ch(16)}${ch(8)}${ch(0)}`;
}

interface Palette {
  /** Main body colour (the SKU's colour when it has one). */
  body: string;
  /** Brand accent. */
  accent: string;
}

const LINE = "#B8BEC6";
const DARK = "#2A2F36";
const GLASS = "#1D2B3A";

/** Each drawing fits the 800×800 canvas roughly within x 100–700, y 60–620. */
const DRAW: Record<ArtKind, (p: Palette) => string> = {
  tv: ({ accent }) =>
    rect(90, 110, 620, 370, "#15181D", { rx: 10 }) +
    rect(102, 122, 596, 346, "url(#scr)") +
    path("M102 420 L250 300 L340 370 L470 250 L698 430 L698 468 L102 468 Z", shade(accent, -0.35), {
      opacity: 0.75,
    }) +
    circle(560, 210, 34, "#FFE9A8", { opacity: 0.9 }) +
    rect(380, 480, 40, 60, "#2B3038") +
    rect(260, 536, 280, 14, "#2B3038", { rx: 7 }),
  fridge_cross: ({ body, accent }) =>
    rect(250, 60, 300, 560, body, { rx: 18, stroke: LINE, "stroke-width": 3 }) +
    path("M400 60 V620 M250 330 H550", "none", { stroke: LINE, "stroke-width": 4 }) +
    rect(384, 150, 8, 120, DARK, { rx: 4 }) +
    rect(408, 150, 8, 120, DARK, { rx: 4 }) +
    rect(384, 360, 8, 90, DARK, { rx: 4 }) +
    rect(408, 360, 8, 90, DARK, { rx: 4 }) +
    rect(285, 110, 70, 34, GLASS, { rx: 6 }) +
    text(320, 134, 18, accent === "#111111" ? "#fff" : shade(accent, 0.6), "-18°C", {
      "text-anchor": "middle",
    }),
  fridge_side: ({ body, accent }) =>
    rect(240, 60, 320, 560, body, { rx: 16, stroke: LINE, "stroke-width": 3 }) +
    path("M400 60 V620", "none", { stroke: LINE, "stroke-width": 4 }) +
    rect(382, 170, 8, 240, DARK, { rx: 4 }) +
    rect(410, 170, 8, 240, DARK, { rx: 4 }) +
    rect(280, 150, 80, 110, GLASS, { rx: 10 }) +
    circle(320, 190, 12, shade(accent, 0.5)) +
    rect(298, 222, 44, 12, shade(accent, 0.5), { rx: 6 }),
  fridge_small: ({ body }) =>
    rect(290, 110, 220, 500, body, { rx: 16, stroke: LINE, "stroke-width": 3 }) +
    path("M290 280 H510", "none", { stroke: LINE, "stroke-width": 4 }) +
    rect(480, 190, 8, 70, DARK, { rx: 4 }) +
    rect(480, 300, 8, 110, DARK, { rx: 4 }),
  washer_front: ({ body, accent }) =>
    rect(220, 120, 360, 480, body, { rx: 22, stroke: LINE, "stroke-width": 3 }) +
    path("M220 200 H580", "none", { stroke: LINE, "stroke-width": 3 }) +
    rect(250, 145, 120, 34, GLASS, { rx: 6 }) +
    circle(520, 162, 20, "#E8EBEF", { stroke: LINE, "stroke-width": 3 }) +
    circle(400, 400, 140, "#D9DEE4", { stroke: "#9AA3AD", "stroke-width": 6 }) +
    circle(400, 400, 104, "url(#glass)") +
    path("M330 430 Q400 470 470 430 Q400 500 330 430 Z", shade(accent, 0.35), { opacity: 0.8 }),
  washer_top: ({ body, accent }) =>
    path("M230 230 L290 150 H510 L570 230 Z", shade(body, -0.08), { stroke: LINE, "stroke-width": 3 }) +
    path("M290 215 L320 165 H480 L510 215 Z", "url(#glass)") +
    rect(230, 230, 340, 370, body, { rx: 14, stroke: LINE, "stroke-width": 3 }) +
    rect(280, 255, 240, 50, GLASS, { rx: 10 }) +
    circle(320, 280, 10, shade(accent, 0.5)) +
    rect(350, 274, 140, 12, shade(accent, 0.5), { rx: 6 }) +
    rect(360, 560, 80, 10, DARK, { rx: 5 }),
  dryer: ({ body, accent }) =>
    rect(220, 120, 360, 480, body, { rx: 22, stroke: LINE, "stroke-width": 3 }) +
    path("M220 200 H580", "none", { stroke: LINE, "stroke-width": 3 }) +
    rect(250, 145, 120, 34, GLASS, { rx: 6 }) +
    circle(400, 400, 140, "#D9DEE4", { stroke: "#9AA3AD", "stroke-width": 6 }) +
    circle(400, 400, 104, "#3A2A22") +
    path(
      "M350 430 q12 -24 0 -48 q-12 -24 0 -48 M400 440 q12 -24 0 -48 q-12 -24 0 -48 M450 430 q12 -24 0 -48 q-12 -24 0 -48",
      "none",
      {
        stroke: shade(accent, 0.3),
        "stroke-width": 8,
        "stroke-linecap": "round",
      },
    ),
  ac_wall: ({ body, accent }) =>
    rect(110, 200, 580, 180, body, { rx: 44, stroke: LINE, "stroke-width": 3 }) +
    rect(150, 330, 500, 26, "#C9CED5", { rx: 13 }) +
    rect(560, 240, 80, 30, GLASS, { rx: 6 }) +
    text(600, 262, 20, shade(accent, 0.6), "26°C", { "text-anchor": "middle" }) +
    path(
      "M180 420 q40 30 0 60 q-40 30 0 60 M330 420 q40 30 0 60 q-40 30 0 60 M480 420 q40 30 0 60 q-40 30 0 60 M620 420 q40 30 0 60 q-40 30 0 60",
      "none",
      {
        stroke: "#9FD3F5",
        "stroke-width": 8,
        "stroke-linecap": "round",
      },
    ),
  ac_floor: ({ body, accent }) =>
    rect(290, 60, 220, 560, body, { rx: 46, stroke: LINE, "stroke-width": 3 }) +
    rect(320, 100, 160, 200, "#D5DAE0", { rx: 24 }) +
    path("M330 130 H470 M330 160 H470 M330 190 H470 M330 220 H470 M330 250 H470 M330 280 H470", "none", {
      stroke: "#A9B1BA",
      "stroke-width": 6,
    }) +
    rect(350, 340, 100, 40, GLASS, { rx: 8 }) +
    text(400, 368, 22, shade(accent, 0.6), "24°C", { "text-anchor": "middle" }) +
    rect(330, 600, 140, 16, "#C9CED5", { rx: 8 }),
  ac_portable: ({ body }) =>
    path("M500 220 C620 220 640 130 690 110", "none", {
      stroke: "#C9CED5",
      "stroke-width": 36,
      "stroke-linecap": "round",
    }) +
    rect(280, 150, 240, 450, body, { rx: 28, stroke: LINE, "stroke-width": 3 }) +
    rect(310, 180, 180, 90, "#D5DAE0", { rx: 12 }) +
    path("M325 205 H475 M325 225 H475 M325 245 H475", "none", { stroke: "#A9B1BA", "stroke-width": 5 }) +
    rect(350, 300, 100, 30, GLASS, { rx: 6 }) +
    circle(320, 610, 14, DARK) +
    circle(480, 610, 14, DARK),
  hood: ({ body, accent }) =>
    rect(360, 50, 80, 190, shade(body, -0.1), { stroke: LINE, "stroke-width": 3 }) +
    path("M140 380 L220 240 H580 L660 380 Z", body, { stroke: LINE, "stroke-width": 3 }) +
    path("M240 260 H560 L620 360 H180 Z", "url(#glass)", { opacity: 0.85 }) +
    rect(140, 380, 520, 40, shade(body, -0.2), { rx: 6 }) +
    circle(320, 400, 8, shade(accent, 0.4)) +
    circle(360, 400, 8, shade(accent, 0.4)) +
    circle(400, 400, 8, shade(accent, 0.4)) +
    circle(440, 400, 8, shade(accent, 0.4)) +
    path("M300 470 q15 -25 0 -50 M400 480 q15 -25 0 -50 M500 470 q15 -25 0 -50", "none", {
      stroke: "#C8D0D8",
      "stroke-width": 6,
      "stroke-linecap": "round",
    }),
  dishwasher: ({ body, accent }) =>
    rect(230, 130, 340, 470, body, { rx: 14, stroke: LINE, "stroke-width": 3 }) +
    rect(230, 130, 340, 70, shade(body, -0.15), { rx: 14 }) +
    rect(260, 150, 110, 30, GLASS, { rx: 6 }) +
    circle(430, 165, 9, shade(accent, 0.4)) +
    circle(465, 165, 9, shade(accent, 0.4)) +
    circle(500, 165, 9, shade(accent, 0.4)) +
    rect(300, 230, 200, 12, DARK, { rx: 6 }) +
    path("M250 280 H550", "none", { stroke: LINE, "stroke-width": 2 }),
  rice_cooker: ({ body, accent }) =>
    el("ellipse", {
      cx: 400,
      cy: 270,
      rx: 190,
      ry: 60,
      fill: shade(body, -0.1),
      stroke: LINE,
      "stroke-width": 3,
    }) +
    rect(210, 270, 380, 270, body, { rx: 80, stroke: LINE, "stroke-width": 3 }) +
    rect(340, 220, 120, 26, DARK, { rx: 13 }) +
    rect(320, 360, 160, 80, GLASS, { rx: 14 }) +
    text(400, 410, 26, shade(accent, 0.6), "煮饭", { "text-anchor": "middle" }) +
    rect(250, 540, 300, 16, "#C9CED5", { rx: 8 }),
  microwave: ({ body, accent }) =>
    rect(150, 210, 500, 310, body, { rx: 18, stroke: LINE, "stroke-width": 3 }) +
    rect(180, 240, 320, 250, "url(#glass)", { rx: 10 }) +
    rect(520, 250, 100, 40, GLASS, { rx: 6 }) +
    circle(570, 350, 24, "#E8EBEF", { stroke: LINE, "stroke-width": 3 }) +
    circle(570, 430, 24, "#E8EBEF", { stroke: LINE, "stroke-width": 3 }) +
    text(570, 278, 20, shade(accent, 0.6), "12:00", { "text-anchor": "middle" }) +
    rect(190, 520, 40, 14, DARK) +
    rect(570, 520, 40, 14, DARK),
  blender: ({ body, accent }) =>
    path("M300 90 H500 L470 380 H330 Z", "#DDE7EF", { stroke: LINE, "stroke-width": 3, opacity: 0.9 }) +
    rect(290, 70, 220, 30, DARK, { rx: 10 }) +
    path("M340 300 L360 330 H440 L460 300 Z", shade(accent, 0.6)) +
    rect(290, 380, 220, 200, body, { rx: 24, stroke: LINE, "stroke-width": 3 }) +
    circle(400, 480, 38, GLASS) +
    circle(400, 480, 22, shade(accent, 0.3)),
  stick_vacuum: ({ body, accent }) =>
    path("M300 600 L520 150", "none", { stroke: "#9AA3AD", "stroke-width": 18, "stroke-linecap": "round" }) +
    rect(200, 590, 200, 34, DARK, { rx: 12 }) +
    circle(530, 170, 70, body, { stroke: LINE, "stroke-width": 3 }) +
    circle(530, 170, 40, shade(accent, 0.2)) +
    rect(560, 220, 40, 120, DARK, { rx: 16, transform: "rotate(-25 580 280)" }),
  robot_vacuum: ({ body, accent }) =>
    circle(400, 360, 250, body, { stroke: LINE, "stroke-width": 4 }) +
    circle(400, 360, 200, "none", { stroke: "#C9CED5", "stroke-width": 4 }) +
    circle(400, 250, 56, DARK) +
    circle(400, 250, 30, shade(accent, 0.2)) +
    rect(350, 420, 100, 24, GLASS, { rx: 12 }) +
    path("M180 250 A250 250 0 0 1 620 250", "none", { stroke: DARK, "stroke-width": 12 }),
  purifier: ({ body, accent }) =>
    rect(280, 80, 240, 530, body, { rx: 36, stroke: LINE, "stroke-width": 3 }) +
    el("ellipse", { cx: 400, cy: 110, rx: 100, ry: 20, fill: "#C9CED5" }) +
    circle(400, 260, 60, GLASS) +
    text(400, 270, 30, "#7CE3A0", "优", { "text-anchor": "middle" }) +
    path(
      "M300 380 H500 M300 410 H500 M300 440 H500 M300 470 H500 M300 500 H500 M300 530 H500 M300 560 H500",
      "none",
      { stroke: "#C9CED5", "stroke-width": 5 },
    ) +
    rect(380, 330, 40, 6, shade(accent, 0.2), { rx: 3 }),
  fan: ({ body, accent }) =>
    rect(390, 330, 20, 240, "#C9CED5") +
    el("ellipse", { cx: 400, cy: 590, rx: 120, ry: 26, fill: body, stroke: LINE, "stroke-width": 3 }) +
    circle(400, 240, 170, "none", { stroke: "#C9CED5", "stroke-width": 6 }) +
    el("ellipse", { cx: 400, cy: 160, rx: 40, ry: 80, fill: shade(accent, 0.45) }) +
    el("ellipse", {
      cx: 400,
      cy: 160,
      rx: 40,
      ry: 80,
      fill: shade(accent, 0.45),
      transform: "rotate(120 400 240)",
    }) +
    el("ellipse", {
      cx: 400,
      cy: 160,
      rx: 40,
      ry: 80,
      fill: shade(accent, 0.45),
      transform: "rotate(240 400 240)",
    }) +
    circle(400, 240, 30, body, { stroke: LINE, "stroke-width": 3 }),
  hair_dryer: ({ body, accent }) =>
    rect(360, 330, 80, 270, body, { rx: 36, stroke: LINE, "stroke-width": 3 }) +
    circle(400, 230, 140, body, { stroke: LINE, "stroke-width": 3 }) +
    circle(400, 230, 80, "#F3F5F7", { stroke: LINE, "stroke-width": 3 }) +
    rect(380, 420, 40, 14, shade(accent, 0.2), { rx: 7 }) +
    rect(388, 600, 24, 40, DARK, { rx: 6 }),
  kettle: ({ body, accent }) =>
    path("M520 230 C620 230 620 470 520 470", "none", { stroke: DARK, "stroke-width": 30 }) +
    path("M280 200 H520 L540 560 H260 Z", body, { stroke: LINE, "stroke-width": 3 }) +
    path("M280 200 L220 170 L240 230 Z", body, { stroke: LINE, "stroke-width": 3 }) +
    rect(300, 260, 20, 240, "#9FD3F5", { rx: 10, opacity: 0.8 }) +
    rect(240, 560, 320, 40, DARK, { rx: 12 }) +
    circle(400, 580, 8, shade(accent, 0.3)),
  heater_electric: ({ body, accent }) =>
    rect(110, 220, 580, 230, body, { rx: 115, stroke: LINE, "stroke-width": 3 }) +
    rect(310, 290, 180, 70, GLASS, { rx: 12 }) +
    text(400, 338, 34, shade(accent, 0.6), "65°C", { "text-anchor": "middle" }) +
    rect(250, 450, 18, 90, "#9AA3AD") +
    rect(532, 450, 18, 90, "#9AA3AD") +
    circle(259, 540, 14, "#E4572E") +
    circle(541, 540, 14, "#2E86E4"),
  heater_gas: ({ body, accent }) =>
    rect(270, 80, 260, 450, body, { rx: 18, stroke: LINE, "stroke-width": 3 }) +
    rect(310, 170, 180, 80, GLASS, { rx: 12 }) +
    text(400, 224, 38, shade(accent, 0.6), "42°C", { "text-anchor": "middle" }) +
    circle(350, 320, 20, "#E8EBEF", { stroke: LINE, "stroke-width": 3 }) +
    circle(450, 320, 20, "#E8EBEF", { stroke: LINE, "stroke-width": 3 }) +
    path("M380 440 q20 -30 0 -60 q40 30 20 60 Z", "#F59E0B") +
    rect(320, 530, 14, 70, "#9AA3AD") +
    rect(393, 530, 14, 70, "#9AA3AD") +
    rect(466, 530, 14, 70, "#9AA3AD"),
};

/** A gradient's two stops, from `from` at the start to `to` at the end. */
const stops = (from: string, to: string) =>
  el("stop", { offset: 0, "stop-color": from }) + el("stop", { offset: 1, "stop-color": to });

const defs = (accent: string, extra = "") =>
  "<defs>" +
  extra +
  el("linearGradient", { id: "bg", x1: 0, y1: 0, x2: 0, y2: 1 }, stops("#FFFFFF", shade(accent, 0.9))) +
  el("linearGradient", { id: "scr", x1: 0, y1: 0, x2: 1, y2: 1 }, stops("#0E2A47", shade(accent, 0.2))) +
  el("radialGradient", { id: "glass" }, stops("#5B7D9E", GLASS)) +
  "</defs>";

const svg = (w: number, h: number, body: string, viewBox = `0 0 ${w} ${h}`) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="${viewBox}">${body}</svg>`;

export interface ProductArt {
  kind: ArtKind;
  brand: string;
  model: string;
  /** Body colour; defaults to appliance white. */
  body?: string;
  /** Short line under the model, e.g. "十字对开门 · 510L · 一级能效". */
  caption?: string;
}

/** 800×800 product photo stand-in: the appliance, then brand, model and a caption. */
export function productSvg(art: ProductArt): string {
  const accent = brandColor(art.brand);
  const palette = { body: art.body ?? "#F4F5F7", accent };
  return svg(
    800,
    800,
    defs(accent) +
      rect(0, 0, 800, 800, "url(#bg)") +
      el("ellipse", { cx: 400, cy: 640, rx: 260, ry: 22, fill: "#000", opacity: 0.08 }) +
      DRAW[art.kind](palette) +
      text(400, 712, 46, accent, art.brand, { "text-anchor": "middle", "font-weight": "bold" }) +
      text(400, 752, 26, "#4B5563", art.model, { "text-anchor": "middle" }) +
      (art.caption ? text(400, 784, 20, "#6B7280", art.caption, { "text-anchor": "middle" }) : ""),
  );
}

/** 800×800 "核心参数" card shown as the second product image and inside the description. */
export function specCardSvg(opts: {
  brand: string;
  model: string;
  stats: { label: string; value: string }[];
}) {
  const accent = brandColor(opts.brand);
  const cells = opts.stats.slice(0, 4).map((s, i) => {
    const x = 60 + (i % 2) * 350;
    const y = 220 + Math.floor(i / 2) * 240;
    return (
      rect(x, y, 330, 210, "#FFFFFF", { rx: 24 }) +
      text(x + 165, y + 115, s.value.length > 6 ? 44 : 60, accent, s.value, {
        "text-anchor": "middle",
        "font-weight": "bold",
      }) +
      text(x + 165, y + 170, 26, "#6B7280", s.label, { "text-anchor": "middle" })
    );
  });
  return svg(
    800,
    800,
    rect(0, 0, 800, 800, shade(accent, 0.9)) +
      rect(0, 0, 800, 170, accent) +
      text(60, 100, 52, "#FFFFFF", "核心参数", { "font-weight": "bold" }) +
      text(740, 100, 28, "#FFFFFF", `${opts.brand} ${opts.model}`, { "text-anchor": "end" }) +
      cells.join("") +
      text(400, 760, 22, "#6B7280", "官方正品 · 全国联保 · 送装一体", { "text-anchor": "middle" }),
  );
}

/** Square category icon: the appliance drawing on a tinted disc (served at any size). */
export function categoryIconSvg(kind: ArtKind, color: string): string {
  return svg(
    120,
    120,
    defs(color) + circle(400, 350, 390, shade(color, 0.85)) + DRAW[kind]({ body: "#FFFFFF", accent: color }),
    "0 -40 800 780",
  );
}

export interface BannerArt {
  headline: string;
  subline: string;
  kind: ArtKind;
  color: string;
  cta?: string;
}

/** 750×300 home banner: headline and subline on a brand gradient, the appliance on the right. */
export function bannerSvg(b: BannerArt): string {
  return svg(
    750,
    300,
    defs(
      b.color,
      el("linearGradient", { id: "bn", x1: 0, y1: 0, x2: 1, y2: 1 }, stops(b.color, shade(b.color, -0.45))),
    ) +
      rect(0, 0, 750, 300, "url(#bn)") +
      circle(620, 150, 170, "#FFFFFF", { opacity: 0.12 }) +
      el(
        "g",
        { transform: "translate(490 40) scale(0.32)" },
        DRAW[b.kind]({ body: "#FFFFFF", accent: b.color }),
      ) +
      text(40, 120, 40, "#FFFFFF", b.headline, { "font-weight": "bold" }) +
      text(40, 170, 24, "#FFFFFF", b.subline, { opacity: 0.9 }) +
      rect(40, 205, 150, 48, "#FFFFFF", { rx: 24 }) +
      text(115, 237, 22, b.color, b.cta ?? "立即抢购", { "text-anchor": "middle", "font-weight": "bold" }),
  );
}
