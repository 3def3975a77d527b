/** 电子发票 on an order: ask (personal / company 抬头), see its state, download the issued PDF. */
import { session } from "@/stores/session";
import { apiUrl } from "@/utils/config";
import { ApiError, NETWORK_ERROR_MESSAGE, request, toast } from "./request";
import type { RequestBody, Schema } from "./schemas";

export type OrderInvoice = Schema<"OrderInvoice">;
export type Invoice = Schema<"Invoice">;
export type InvoiceInput = RequestBody<"/api/orders/{id}/invoice", "put">;

export const getOrderInvoice = (orderId: number) =>
  request<OrderInvoice>(`/api/orders/${orderId}/invoice`, { silent: true });

/** Field errors come back on the ApiError (`fields`) for the form; other errors are toasted. */
export const requestInvoice = (orderId: number, input: InvoiceInput) =>
  request<OrderInvoice>(`/api/orders/${orderId}/invoice`, { method: "PUT", data: input, silent: true });

/**
 * Opens the issued PDF: the mini program downloads it with the token and opens it in the document
 * viewer; the H5 store fetches it and hands the browser a blob to save.
 */
export function openInvoiceFile(orderId: number, orderNo: string): Promise<void> {
  const url = apiUrl(`/api/orders/${orderId}/invoice/file`);
  const authorization = session.shopper ? `Bearer ${session.shopper.token}` : "";
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      toast(message);
      reject(new ApiError(0, "DOWNLOAD_FAILED", message));
    };
    // #ifdef H5
    fetch(url, { headers: { authorization } })
      .then(async (res) => {
        if (!res.ok) return fail(((await res.json().catch(() => null))?.error?.message as string) ?? "下载失败");
        const href = URL.createObjectURL(await res.blob());
        const a = document.createElement("a");
        a.href = href;
        a.download = `invoice-${orderNo}.pdf`;
        a.click();
        setTimeout(() => URL.revokeObjectURL(href), 30_000);
        resolve();
      })
      .catch(() => fail(NETWORK_ERROR_MESSAGE));
    // #endif
    // #ifndef H5
    uni.downloadFile({
      url,
      header: { authorization },
      success: (r) => {
        if (r.statusCode !== 200) return fail("发票下载失败，请稍后重试");
        uni.openDocument({ filePath: r.tempFilePath, fileType: "pdf", showMenu: true, success: () => resolve(), fail: () => fail("无法打开发票文件") });
      },
      fail: () => fail(NETWORK_ERROR_MESSAGE),
    });
    // #endif
  });
}
