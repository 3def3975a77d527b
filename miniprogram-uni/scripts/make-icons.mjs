// Renders the tabBar icons (tabBar needs PNG files) from simple shape functions, using only node:zlib.
// Run: npm run icons  → src/static/tabbar/<name>.png and <name>-active.png (81×81).
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";

const SIZE = 81;
const SS = 4; // supersampling per axis for smooth edges
const OUT = new URL("../src/static/tabbar/", import.meta.url);
const COLORS = { normal: [143, 149, 158], active: [26, 109, 255] };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Shape helpers on a 0..1 canvas; each returns true when the point is inked.
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, r, w) => (x, y) => {
  const d = Math.hypot(x - cx, y - cy);
  return d <= r && d >= r - w;
};
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (!rect(x0, y0, x1, y1)(x, y)) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const frame = (outer, inner) => (x, y) => outer(x, y) && !inner(x, y);
const union = (...fs) => (x, y) => fs.some((f) => f(x, y));
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y);
// Filled triangle (roof).
const tri = (ax, ay, bx, by, cx, cy) => (x, y) => {
  const s = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = s(ax, ay, bx, by);
  const d2 = s(bx, by, cx, cy);
  const d3 = s(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
const line = (x0, y0, x1, y1, w) => (x, y) => {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy)) <= w / 2;
};

const W = 0.075; // stroke width
const ICONS = {
  home: union(
    minus(tri(0.5, 0.1, 0.08, 0.48, 0.92, 0.48), tri(0.5, 0.22, 0.22, 0.44, 0.78, 0.44)),
    frame(rect(0.2, 0.42, 0.8, 0.88), rect(0.2 + W, 0.42, 0.8 - W, 0.88 - W)),
    rect(0.43, 0.62, 0.57, 0.88),
  ),
  category: union(
    frame(roundRect(0.1, 0.1, 0.45, 0.45, 0.08), roundRect(0.1 + W, 0.1 + W, 0.45 - W, 0.45 - W, 0.03)),
    frame(roundRect(0.55, 0.1, 0.9, 0.45, 0.08), roundRect(0.55 + W, 0.1 + W, 0.9 - W, 0.45 - W, 0.03)),
    frame(roundRect(0.1, 0.55, 0.45, 0.9, 0.08), roundRect(0.1 + W, 0.55 + W, 0.45 - W, 0.9 - W, 0.03)),
    roundRect(0.55, 0.55, 0.9, 0.9, 0.08),
  ),
  cart: union(
    line(0.06, 0.16, 0.2, 0.16, W),
    line(0.2, 0.16, 0.3, 0.66, W),
    line(0.3, 0.66, 0.82, 0.66, W),
    line(0.24, 0.28, 0.92, 0.28, W),
    line(0.92, 0.28, 0.84, 0.54, W),
    line(0.84, 0.54, 0.28, 0.54, W),
    circle(0.36, 0.82, 0.07),
    circle(0.76, 0.82, 0.07),
  ),
  me: union(ring(0.5, 0.32, 0.2, W), (x, y) => y <= 0.9 && ring(0.5, 0.98, 0.4, W)(x, y), line(0.1, 0.9, 0.9, 0.9, W)),
};

mkdirSync(OUT, { recursive: true });
for (const [name, shape] of Object.entries(ICONS)) {
  for (const [variant, [r, g, b]] of Object.entries(COLORS)) {
    const buf = Buffer.alloc(SIZE * SIZE * 4);
    for (let py = 0; py < SIZE; py++)
      for (let px = 0; px < SIZE; px++) {
        let hits = 0;
        for (let sy = 0; sy < SS; sy++)
          for (let sx = 0; sx < SS; sx++)
            if (shape((px + (sx + 0.5) / SS) / SIZE, (py + (sy + 0.5) / SS) / SIZE)) hits++;
        const i = (py * SIZE + px) * 4;
        buf[i] = r;
        buf[i + 1] = g;
        buf[i + 2] = b;
        buf[i + 3] = Math.round((255 * hits) / (SS * SS));
      }
    const file = new URL(`${name}${variant === "active" ? "-active" : ""}.png`, OUT);
    writeFileSync(file, png(SIZE, SIZE, buf));
  }
}
console.log(`wrote ${Object.keys(ICONS).length * 2} icons to ${OUT.pathname}`);
