// Repair and registration photos are the shopper's own uploads (POST /api/after-sales/photos, built with
// the after-sales cases): same keys, same URLs, same ownership check.
import type { Env } from "../../env";
import { badRequest } from "../../shared/errors";
import { photoOwnedBy, photoUrl } from "../cases/photos";

export { photoUrl };

/** 400 unless every key is an upload of this shopper's. */
export async function assertShopperPhotos(
  env: Env,
  shopperId: number,
  keys: readonly string[],
  message = "照片无效或已失效，请重新上传",
) {
  const owned = await Promise.all(keys.map((k) => photoOwnedBy(env, k, shopperId)));
  if (owned.some((ok) => !ok)) throw badRequest(message, undefined, "INVALID_PHOTO");
}
