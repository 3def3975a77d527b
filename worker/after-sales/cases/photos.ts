// Shopper photos for after-sales cases (and repair work orders): stored in the product-image R2 bucket
// under after-sales/<yyyymm>/<uuid>.<ext>, with the uploader recorded so a case can only cite its own
// shopper's photos. JPEG, PNG and WebP only (no SVG or GIF from shoppers), ≤ 5 MB, type from the bytes.

import { MAX_IMAGE_BYTES, sniffImage } from "../../catalog/images";
import type { Env } from "../../env";
import { AppError, badRequest } from "../../shared/errors";
import { PHOTO_KEY_PATTERN } from "./model";

const SHOPPER_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

export const photoUrl = (key: string) => `/api/after-sales/photos/${key}`;

export function newPhotoKey(ext: string, now = new Date()): string {
  const month = `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  return `after-sales/${month}/${crypto.randomUUID()}.${ext}`;
}

/** Reads the upload (raw body, or multipart field `file`) without trusting its declared type or length. */
export async function readUpload(req: Request): Promise<Uint8Array> {
  const len = Number(req.headers.get("content-length") ?? 0);
  if (len > MAX_IMAGE_BYTES + 64 * 1024) throw new AppError(413, "FILE_TOO_LARGE", "图片不能超过 5MB");
  const ct = req.headers.get("content-type") ?? "";
  if (ct.startsWith("multipart/form-data")) {
    const form = await req.formData().catch(() => undefined);
    const file: unknown = form?.get("file");
    if (!(file instanceof Blob)) throw badRequest("请选择要上传的图片（表单字段 file）");
    return new Uint8Array(await file.arrayBuffer());
  }
  return new Uint8Array(await req.arrayBuffer());
}

export async function uploadPhoto(env: Env, shopperId: number, bytes: Uint8Array) {
  const { type, ext } = sniffImage(bytes);
  if (!SHOPPER_TYPES.has(type)) throw new AppError(415, "UNSUPPORTED_IMAGE", "仅支持 JPG、PNG 或 WebP 图片");
  const key = newPhotoKey(ext);
  await env.IMAGES.put(key, bytes, {
    httpMetadata: { contentType: type },
    customMetadata: { shopperId: String(shopperId) },
  });
  return { key, url: photoUrl(key) };
}

export async function photoOwnedBy(env: Env, key: string, shopperId: number): Promise<boolean> {
  if (!PHOTO_KEY_PATTERN.test(key)) return false;
  const head = await env.IMAGES.head(key);
  return head?.customMetadata?.shopperId === String(shopperId);
}
