import { request } from "./request";

export interface Notice {
  id: number;
  audience: "shopper" | "merchant";
  kind: string;
  title: string;
  body: string;
  refType: string | null;
  refId: string | null;
  createdAt: number;
  readAt: number | null;
}

export const listNotices = (cursor?: string) =>
  request<{ items: Notice[]; unread: number; nextCursor: string | null }>("/api/notifications", {
    query: { cursor },
    silent: true,
  });
export const markNoticesRead = (ids: number[] | "all") =>
  request<{ updated: number }>("/api/notifications/read", {
    method: "POST",
    data: ids === "all" ? { all: true } : { ids },
    silent: true,
  });

export interface FaqItem {
  id: number;
  question: string;
  answer: string;
  category?: string;
}
export const getFaq = () =>
  request<{ categories: { name: string; items: FaqItem[] }[] }>("/api/faq", { silent: true }).then((r) => r.categories);
export const searchFaq = (q: string) =>
  request<{ items: FaqItem[] }>("/api/faq/search", { query: { q }, silent: true }).then((r) => r.items);

export interface WarrantyPolicy {
  slug: string;
  category: string;
  wholeUnitYears: number;
  mainParts: string[];
  mainPartsYears: number;
  extensions: { part: string; years: number; note?: string }[];
  exclusions: string[];
  description: string;
}
export const getWarrantyPolicies = () =>
  request<{ items: WarrantyPolicy[] }>("/api/after-sales/warranty-policies", { silent: true }).then((r) => r.items);

export interface Coverage {
  part: string;
  months: number;
  endsAt: number;
  active: boolean;
  daysLeft: number;
  note?: string;
}
export interface ItemWarranty {
  orderItemId: number;
  orderNo: string;
  productName: string;
  policy: { slug: string; category: string; description: string };
  delivered: boolean;
  message?: string;
  deliveredAt?: number;
  status?: {
    category: string;
    startsAt: number;
    wholeUnit: Coverage;
    mainParts?: Coverage & { parts: string[] };
    extensions: Coverage[];
    active: boolean;
  };
}
export const getItemWarranty = (orderItemId: number) =>
  request<ItemWarranty>(`/api/after-sales/warranty/order-items/${orderItemId}`);

export interface Outlet {
  id: number;
  name: string;
  city: string;
  district: string;
  address: string;
  phone: string;
  hours: string;
  lat: number;
  lng: number;
  categories: string[];
  distanceM?: number;
}
export const getOutlets = (q: { city?: string; lat?: number; lng?: number; category?: string }) =>
  request<{ items: Outlet[] }>("/api/after-sales/outlets", { query: q, silent: true }).then((r) => r.items);
export const getOutletCities = () =>
  request<{ items: { city: string; count: number }[] }>("/api/after-sales/outlets/cities", { silent: true }).then(
    (r) => r.items,
  );
