import { badRequest } from "../../shared/errors";

/** Photo keys the client sends must be uploads that exist (POST /api/after-sales/photos); else 400. */
export async function assertPhotosExist(bucket: R2Bucket, keys: readonly string[]) {
  const found = await Promise.all(keys.map((k) => bucket.head(k)));
  if (found.some((f) => !f)) throw badRequest("照片不存在或已过期，请重新上传", undefined, "PHOTO_NOT_FOUND");
}
