// What a share carries: the referrer's code, and what was shared (a product or a group). WeChat's
// getwxacodeunlimit takes a `scene` of at most 32 visible characters from [0-9A-Za-z!#$&'()*+,/:;=?@-._~]
// and hands it to the page as `options.scene` (URL-encoded); share paths carry the same in a query.

export const SCENE_MAX = 32;
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/;

export type ShareTarget = { kind: "product"; id: number } | { kind: "group"; groupNo: string };

export interface ShareRef {
  /** The sharer's referral code (absent when not logged in). */
  referrer?: string;
  target: ShareTarget;
}

/** "r=ABCD2345&p=123" / "r=ABCD2345&g=G2612061234AB": short keys so it fits 32 characters. */
export function encodeScene(ref: ShareRef): string {
  const parts: string[] = [];
  if (ref.referrer) parts.push(`r=${ref.referrer}`);
  parts.push(ref.target.kind === "product" ? `p=${ref.target.id.toString(36)}` : `g=${ref.target.groupNo}`);
  const scene = parts.join("&");
  if (scene.length > SCENE_MAX || !SCENE_CHARS.test(scene))
    throw new RangeError(
      `scene "${scene}" exceeds ${SCENE_MAX} characters or uses characters WeChat refuses`,
    );
  return scene;
}

/** Parses a scene (URL-encoded or not); null when it is not one of ours. */
export function decodeScene(raw: string): ShareRef | null {
  let scene: string;
  try {
    scene = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (scene.length > SCENE_MAX) return null;
  const q = new URLSearchParams(scene);
  const referrer = q.get("r") ?? undefined;
  if (referrer !== undefined && !/^[0-9A-Z]{8}$/.test(referrer)) return null;
  const p = q.get("p");
  const g = q.get("g");
  let target: ShareTarget;
  if (p && /^[0-9a-z]{1,10}$/.test(p)) target = { kind: "product", id: Number.parseInt(p, 36) };
  else if (g && /^G[0-9A-Z]{10,20}$/.test(g)) target = { kind: "group", groupNo: g };
  else return null;
  return referrer ? { referrer, target } : { target };
}

/** The mini program path a share opens (onShareAppMessage / onShareTimeline / H5 link). */
export function sharePath(ref: ShareRef): string {
  const q = new URLSearchParams();
  if (ref.target.kind === "product") q.set("id", String(ref.target.id));
  else q.set("groupNo", ref.target.groupNo);
  if (ref.referrer) q.set("ref", ref.referrer);
  const page = ref.target.kind === "product" ? "pages/product/detail" : "pages/group-buy/group";
  return `${page}?${q}`;
}

/** The page getwxacodeunlimit opens (no leading slash, no query: the scene carries the rest). */
export const scenePage = (t: ShareTarget) =>
  t.kind === "product" ? "pages/product/detail" : "pages/group-buy/group";
