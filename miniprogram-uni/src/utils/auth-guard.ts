import { session } from "@/stores/session";

/** True when a shopper is logged in; otherwise opens the login page (which returns here) and answers false. */
export function ensureShopper(): boolean {
  if (session.shopper) return true;
  uni.navigateTo({ url: "/pages/login/index" });
  return false;
}

/** Same for the agent desk. */
export function ensureStaff(): boolean {
  if (session.staff) return true;
  uni.reLaunch({ url: "/pages/agent/login" });
  return false;
}
