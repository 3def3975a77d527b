import { request } from "./request";

export interface AddressInput {
  receiverName: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  isDefault: boolean;
}
export interface Address extends AddressInput {
  id: number;
  createdAt: number;
  updatedAt: number;
}

export const listAddresses = () => request<{ items: Address[] }>("/api/addresses", { silent: true }).then((r) => r.items);
export const createAddress = (a: AddressInput) => request<Address>("/api/addresses", { method: "POST", data: a });
export const updateAddress = (id: number, a: AddressInput) =>
  request<Address>(`/api/addresses/${id}`, { method: "PUT", data: a });
export const deleteAddress = (id: number) => request<{ ok: true }>(`/api/addresses/${id}`, { method: "DELETE" });

export const fullAddress = (a: Pick<AddressInput, "province" | "city" | "district" | "detail">) =>
  `${a.province}${a.city === a.province ? "" : a.city}${a.district}${a.detail}`;
