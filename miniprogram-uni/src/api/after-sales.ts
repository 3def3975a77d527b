/**
 * 售后: cases (退款 / 退货退款 / 换货 / 维修), photos, repair work orders, product registrations, 价保 and
 * charges. The server decides every amount and what the shopper may do (`actions`).
 */
import { session } from "@/stores/session";
import { apiUrl } from "@/utils/config";
import { ApiError, errorMessage, NETWORK_ERROR_MESSAGE, request } from "./request";
import type { RequestBody, Schema } from "./schemas";

export type CaseEligibility = Schema<"CaseEligibility">;
export type CaseLineEligibility = Schema<"CaseLineEligibility">;
export type CaseType = CaseLineEligibility["types"][number]["type"];
export type CaseReasonCode = Schema<"CaseReason">["code"];
export type CaseSummary = Schema<"CaseSummary">;
export type CaseDetail = Schema<"CaseDetail">;
export type CasePhoto = Schema<"CasePhoto">;
export type RepairWorkOrder = Schema<"RepairWorkOrder">;
export type RepairWorkOrderDetail = Schema<"RepairWorkOrderDetail">;
export type ProductRegistration = Schema<"ProductRegistration">;
export type PriceProtectionOrder = Schema<"PriceProtectionOrder">;
export type PriceProtectionLine = Schema<"PriceProtectionLine">;
export type Charge = Schema<"Charge">;

/** Stored image keys (products/…, after-sales/…) are served under /api/images/; URLs pass through. */
export const imageKeyUrl = (image: string) => apiUrl(/^(https?:|\/)/.test(image) ? image : `/api/images/${image}`);

// ---------- cases ----------

export const getEligibility = (orderNo: string) =>
  request<CaseEligibility>(`/api/after-sales/orders/${encodeURIComponent(orderNo)}/eligibility`, { silent: true });

export const applyCase = (input: RequestBody<"/api/after-sales/cases", "post">) =>
  request<CaseDetail>("/api/after-sales/cases", { method: "POST", data: input });

export const listCases = (cursor?: string) =>
  request<Schema<"CaseList">>("/api/after-sales/cases", { query: { cursor }, silent: true });

export const getCase = (caseNo: string) =>
  request<CaseDetail>(`/api/after-sales/cases/${encodeURIComponent(caseNo)}`, { silent: true });

const caseAction = (caseNo: string, action: string, data: unknown = {}) =>
  request<CaseDetail>(`/api/after-sales/cases/${encodeURIComponent(caseNo)}/${action}`, { method: "POST", data });
export const cancelCase = (caseNo: string) => caseAction(caseNo, "cancel");
export const confirmExchange = (caseNo: string) => caseAction(caseNo, "confirm");
export const shipBack = (caseNo: string, input: RequestBody<"/api/after-sales/cases/{caseNo}/return-shipment", "post">) =>
  caseAction(caseNo, "return-shipment", input);

/** Uploads one chosen image (a temp path / blob URL) as multipart field `file`; toasts the server's message. */
export function uploadPhoto(filePath: string): Promise<CasePhoto> {
  return new Promise((resolve, reject) => {
    const fail = (e: ApiError) => {
      uni.showToast({ title: e.message, icon: "none", duration: 2500 });
      reject(e);
    };
    uni.uploadFile({
      url: apiUrl("/api/after-sales/photos"),
      filePath,
      name: "file",
      header: session.shopper ? { authorization: `Bearer ${session.shopper.token}` } : {},
      success: (res) => {
        let body: unknown = null;
        try {
          body = JSON.parse(res.data as string);
        } catch {
          // not JSON: a gateway page
        }
        if (res.statusCode === 201 || res.statusCode === 200) return resolve(body as CasePhoto);
        const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
        fail(new ApiError(res.statusCode, err?.code ?? "HTTP_ERROR", err?.message ?? `上传失败（${res.statusCode}）`));
      },
      fail: () => fail(new ApiError(0, "NETWORK_ERROR", NETWORK_ERROR_MESSAGE)),
    });
  });
}

/** Lets the shopper pick up to `count` images and uploads them one by one (a failed one is skipped). */
export async function choosePhotos(count: number): Promise<CasePhoto[]> {
  const paths = await new Promise<string[]>((resolve) =>
    uni.chooseImage({
      count,
      sizeType: ["compressed"],
      success: (r) => resolve(Array.isArray(r.tempFilePaths) ? r.tempFilePaths : [r.tempFilePaths]),
      fail: () => resolve([]),
    }),
  );
  const uploaded: CasePhoto[] = [];
  for (const p of paths.slice(0, count)) {
    try {
      uploaded.push(await uploadPhoto(p));
    } catch (e) {
      if (!(e instanceof ApiError)) uni.showToast({ title: errorMessage(e), icon: "none" });
    }
  }
  return uploaded;
}

// ---------- repairs and product registrations ----------

export const listRepairs = (cursor?: string) =>
  request<Schema<"RepairWorkOrderPage">>("/api/after-sales/repairs", { query: { cursor }, silent: true });
export const getRepair = (no: string) =>
  request<RepairWorkOrderDetail>(`/api/after-sales/repairs/${encodeURIComponent(no)}`, { silent: true });
export const confirmRepair = (no: string) =>
  request<RepairWorkOrderDetail>(`/api/after-sales/repairs/${encodeURIComponent(no)}/confirm`, {
    method: "POST",
    data: {},
  });
export const cancelRepair = (no: string, reason: string) =>
  request<RepairWorkOrderDetail>(`/api/after-sales/repairs/${encodeURIComponent(no)}/cancel`, {
    method: "POST",
    data: { reason },
  });

/** A repair for an approved registered product (bought elsewhere). */
export const openRepair = (input: RequestBody<"/api/after-sales/repairs", "post">) =>
  request<Schema<"OpenedRepair">>("/api/after-sales/repairs", { method: "POST", data: input });

export const listRegistrations = () =>
  request<Schema<"ProductRegistrationList">>("/api/after-sales/registrations", { silent: true }).then((r) => r.items);
export const registerProduct = (input: RequestBody<"/api/after-sales/registrations", "post">) =>
  request<ProductRegistration>("/api/after-sales/registrations", { method: "POST", data: input });
export const deleteRegistration = (id: number) =>
  request<{ ok: true }>(`/api/after-sales/registrations/${id}`, { method: "DELETE" });

// ---------- 价保 ----------

export const getPriceProtection = (orderNo: string) =>
  request<PriceProtectionOrder>(`/api/after-sales/price-protection/orders/${encodeURIComponent(orderNo)}`, {
    silent: true,
  });
export const applyPriceProtection = (orderItemId: number) =>
  request<PriceProtectionLine>("/api/after-sales/price-protection", { method: "POST", data: { orderItemId } });

// ---------- charges (保外维修费, 以旧换新差价) ----------

export const getCharge = (chargeNo: string) =>
  request<Charge>(`/api/charges/${encodeURIComponent(chargeNo)}`, { silent: true });
export const startChargePayment = (
  chargeNo: string,
  method: Schema<"ClientPayParams">["method"],
  channel: Schema<"ClientPayParams">["channel"],
) =>
  request<Schema<"StartChargePaymentResult">>(`/api/charges/${encodeURIComponent(chargeNo)}/pay`, {
    method: "POST",
    data: { method, channel },
  });
