import { request } from "./request";
import type { RequestBody, Schema } from "./schemas";

/** What the address form sends (the worker defaults isDefault to false). */
export type AddressInput = RequestBody<"/api/addresses", "post">;
export type Address = Schema<"Address">;

export const listAddresses = () =>
  request<Schema<"AddressList">>("/api/addresses", { silent: true }).then((r) => r.items);
export const createAddress = (a: AddressInput) => request<Address>("/api/addresses", { method: "POST", data: a });
export const updateAddress = (id: number, a: AddressInput) =>
  request<Address>(`/api/addresses/${id}`, { method: "PUT", data: a });
export const deleteAddress = (id: number) =>
  request<Schema<"Ok">>(`/api/addresses/${id}`, { method: "DELETE" });

export const fullAddress = (a: Pick<Address, "province" | "city" | "district" | "detail">) =>
  `${a.province}${a.city === a.province ? "" : a.city}${a.district}${a.detail}`;
