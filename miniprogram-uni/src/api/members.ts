import { request } from "./request";
import type { Schema } from "./schemas";

/** 会员中心: tier, growth and progress, points summary and rules, birthday. */
export type MemberOverview = Schema<"MemberOverview">;
export type PointsHistory = Schema<"PointsHistory">;
export type PointsHistoryItem = Schema<"PointsHistoryItem">;
/** The checkout quote's 积分抵扣 offer. */
export type PointsQuote = Schema<"PointsQuote">;

export const getMemberOverview = () => request<MemberOverview>("/api/members/me", { silent: true });

export const getPointsHistory = (cursor?: string | null) =>
  request<PointsHistory>("/api/members/points", { query: cursor ? { cursor } : {}, silent: true });

export const setBirthday = (birthday: string) =>
  request<Schema<"MemberBirthday">>("/api/members/birthday", { method: "PUT", data: { birthday } });
