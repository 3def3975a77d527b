import { reactive } from "vue";
import type { Schema } from "@/api/schemas";

/** What /api/auth/dev-login and /api/auth/wechat-login answer, kept in storage. */
export type ShopperSession = Schema<"ShopperSession">;
/** What /api/auth/staff-login answers, kept in storage. */
export type StaffSession = Schema<"StaffSession">;

const SHOPPER_KEY = "jd.shopper";
const STAFF_KEY = "jd.staff";

/** Who is logged in. A shopper and an agent session can coexist (the agent desk is in the same app). */
export const session = reactive<{ shopper: ShopperSession | null; staff: StaffSession | null }>({
  shopper: null,
  staff: null,
});

function read<T>(key: string): T | null {
  try {
    const v = uni.getStorageSync(key);
    return v ? (JSON.parse(v) as T) : null;
  } catch {
    return null;
  }
}

export function restoreSession() {
  session.shopper = read<ShopperSession>(SHOPPER_KEY);
  session.staff = read<StaffSession>(STAFF_KEY);
}

export function setShopperSession(s: ShopperSession | null) {
  session.shopper = s;
  if (s) uni.setStorageSync(SHOPPER_KEY, JSON.stringify(s));
  else uni.removeStorageSync(SHOPPER_KEY);
}

export function setStaffSession(s: StaffSession | null) {
  session.staff = s;
  if (s) uni.setStorageSync(STAFF_KEY, JSON.stringify(s));
  else uni.removeStorageSync(STAFF_KEY);
}

restoreSession();
