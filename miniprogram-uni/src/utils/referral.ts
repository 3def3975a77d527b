// A share opens a page with `ref=<code>` (share path, H5 link) or, from a poster's mini program code,
// with `scene=r%3D<code>%26p%3D…`. The code is kept until a shopper is logged in, then bound once; the
// server decides whether the binding is allowed (new shoppers only…), so refusals stay silent here.
import { bindReferrer } from "@/api/growth";
import { session } from "@/stores/session";

const KEY = "jd.referral";

/** The referral code and the product / group a page was opened with (from `ref` or a poster `scene`). */
export function shareParams(q: Record<string, string | undefined> | undefined): {
  ref?: string;
  productId?: number;
  groupNo?: string;
  via: "link" | "scene";
} {
  if (q?.scene) {
    const s = new URLSearchParams(decodeURIComponent(q.scene));
    const p = s.get("p");
    return {
      via: "scene",
      ...(s.get("r") ? { ref: s.get("r")! } : {}),
      ...(p ? { productId: Number.parseInt(p, 36) } : {}),
      ...(s.get("g") ? { groupNo: s.get("g")! } : {}),
    };
  }
  return {
    via: "link",
    ...(q?.ref ? { ref: q.ref } : {}),
    ...(q?.id ? { productId: Number(q.id) } : {}),
    ...(q?.groupNo ? { groupNo: q.groupNo } : {}),
  };
}

/** Remembers the code a page was opened with and binds it now if a shopper is logged in. */
export function captureReferral(ref: string | undefined, via: "link" | "scene") {
  if (ref && /^[0-9A-Z]{8}$/.test(ref)) uni.setStorageSync(KEY, JSON.stringify({ ref, via }));
  return bindPendingReferral();
}

/** Binds a remembered code once a shopper is logged in; forgets it whatever the answer. */
export async function bindPendingReferral(): Promise<boolean> {
  const raw = uni.getStorageSync(KEY) as string;
  if (!raw || !session.shopper) return false;
  uni.removeStorageSync(KEY);
  try {
    const { ref, via } = JSON.parse(raw) as { ref: string; via: "link" | "scene" };
    const r = await bindReferrer(ref, via);
    return r.bound;
  } catch {
    return false; // not a new shopper, own code, already bound…: nothing to tell the shopper
  }
}

/** The page's share path with the sharer's code (onShareAppMessage wants a leading slash). */
export const withRef = (path: string, code: string | null | undefined) =>
  code ? `${path}${path.includes("?") ? "&" : "?"}ref=${code}` : path;
