import { type ShopperSession, type StaffSession, setShopperSession, setStaffSession } from "@/stores/session";
import { request } from "./request";

/** Local-mode login by nickname (only when the worker has DEV_LOGIN=1). */
export async function devLogin(nickname: string) {
  const s = await request<ShopperSession>("/api/auth/dev-login", {
    method: "POST",
    data: { nickname },
    as: "none",
  });
  setShopperSession(s);
  return s;
}

/** Mini program login: wx.login code → the worker's code2Session. */
export async function wechatLogin(nickname?: string) {
  const code = await new Promise<string>((resolve, reject) =>
    uni.login({
      provider: "weixin",
      success: (r) => resolve(r.code),
      fail: () => reject(new Error("微信登录失败")),
    }),
  );
  const s = await request<ShopperSession>("/api/auth/wechat-login", {
    method: "POST",
    data: nickname ? { code, nickname } : { code },
    as: "none",
  });
  setShopperSession(s);
  return s;
}

export async function staffLogin(username: string, password: string) {
  const s = await request<StaffSession>("/api/auth/staff-login", {
    method: "POST",
    data: { username, password },
    as: "none",
  });
  setStaffSession(s);
  return s;
}
