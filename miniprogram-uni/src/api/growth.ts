// 分享、老带新与拼团: the share card and poster data, the shopper's referral code and binding, group buys.
import { request } from "./request";
import type { Schema } from "./schemas";

export type ShareInfo = Schema<"ShareInfo">;
export type GroupDetail = Schema<"GroupDetail">;
export type ProductGroupBuy = Schema<"ProductGroupBuys">["items"][number];
export type ShareTarget = { productId: number } | { groupNo: string };

export const getShareInfo = (target: ShareTarget) =>
  request<ShareInfo>("/api/share/info", { query: target, silent: true });

/** The poster's mini program code (PNG), with the logged-in shopper's referral code in its scene. */
export const wxaCodePath = (target: ShareTarget) =>
  "productId" in target ? `/api/share/wxacode?productId=${target.productId}` : `/api/share/wxacode?groupNo=${target.groupNo}`;

export const getMyReferrals = () => request<Schema<"ReferralMe">>("/api/referrals/me", { silent: true });

export const bindReferrer = (code: string, via: "link" | "scene") =>
  request<Schema<"ReferralBindResult">>("/api/referrals/bind", { method: "POST", data: { code, via }, silent: true });

export const getProductGroupBuys = (productId: number) =>
  request<Schema<"ProductGroupBuys">>(`/api/group-buys/products/${productId}`, { silent: true }).then((r) => r.items);

export const getGroup = (groupNo: string) =>
  request<GroupDetail>(`/api/group-buys/${encodeURIComponent(groupNo)}`, { silent: true });

export const getMyGroups = () => request<Schema<"MyGroupList">>("/api/group-buys/mine", { silent: true });
