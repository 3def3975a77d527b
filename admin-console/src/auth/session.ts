import { reactive } from "vue";
import type { components } from "../api/openapi";

export type StaffSession = components["schemas"]["StaffSession"];
export type StaffRole = StaffSession["staff"]["role"];
export type RefreshedSession = components["schemas"]["RefreshedSession"];

const KEY = "jiadian-admin-session";

function load(): StaffSession | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as StaffSession) : null;
  } catch {
    return null;
  }
}

/** The signed-in staff member, kept for this browser tab only (sessionStorage). */
export const session = reactive<{ current: StaffSession | null }>({ current: load() });

export function signIn(s: StaffSession) {
  sessionStorage.setItem(KEY, JSON.stringify(s));
  session.current = s;
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  session.current = null;
}

export const ROLE_LABELS: Record<StaffRole, string> = {
  merchant_admin: "店长",
  operations: "运营",
  agent: "客服",
  installer: "安装师傅",
};
