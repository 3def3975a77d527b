import { AppError } from "../shared/errors";
import { sanitizeSvg } from "./svg-sanitize";

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

const SIGNATURES: { type: string; ext: string; test: (b: Uint8Array) => boolean }[] = [
  { type: "image/jpeg", ext: "jpg", test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: "image/png",
    ext: "png",
    test: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v),
  },
  { type: "image/gif", ext: "gif", test: (b) => String.fromCharCode(...b.slice(0, 4)) === "GIF8" },
  {
    type: "image/webp",
    ext: "webp",
    test: (b) =>
      String.fromCharCode(...b.slice(0, 4)) === "RIFF" && String.fromCharCode(...b.slice(8, 12)) === "WEBP",
  },
];

/**
 * Decides an upload's type from its bytes, never from the client's Content-Type, and returns the
 * bytes to store: an SVG is parsed and rebuilt from an allow-list (svg-sanitize.ts), every other type
 * is stored as uploaded. Images are also served with a sandboxing CSP (see imageHeaders).
 */
export function sniffImage(bytes: Uint8Array): { type: string; ext: string; bytes: Uint8Array } {
  if (bytes.byteLength === 0) throw new AppError(400, "EMPTY_FILE", "上传的文件为空");
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw new AppError(413, "FILE_TOO_LARGE", "图片不能超过 5MB");
  const hit = SIGNATURES.find((s) => s.test(bytes));
  if (hit) return { type: hit.type, ext: hit.ext, bytes };
  // An SVG may open with an XML declaration, comments and a DOCTYPE (Illustrator's exports do).
  const head = new TextDecoder()
    .decode(bytes.slice(0, 2048))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (head.startsWith("<") && /<svg[\s>]|<[A-Za-z_][\w.-]*:svg[\s>]/.test(head)) {
    const svg = sanitizeSvg(new TextDecoder().decode(bytes));
    return { type: "image/svg+xml", ext: "svg", bytes: new TextEncoder().encode(svg) };
  }
  throw new AppError(415, "UNSUPPORTED_IMAGE", "仅支持 JPG、PNG、GIF、WebP 或 SVG 图片");
}

export function newImageKey(ext: string, now = new Date()): string {
  const month = `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  return `products/${month}/${crypto.randomUUID()}.${ext}`;
}

export const IMAGE_KEY_PATTERN = /^products\/\d{6}\/[0-9a-f-]{36}\.(jpg|png|gif|webp|svg)$/;

export function imageHeaders(contentType: string, etag: string): Headers {
  return new Headers({
    "content-type": contentType,
    etag,
    // Keys are content-addressed by a fresh UUID per upload, so they never change.
    "cache-control": "public, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  });
}
