import { session } from "../auth/session";
import { ApiError } from "./client";

/**
 * Downloads a file from an authenticated GET (a plain link cannot carry the bearer token).
 * Used for the orders CSV export, whose route answers text/csv.
 */
export async function downloadWithAuth(url: string, fallbackName: string) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${session.current?.token ?? ""}` } });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new ApiError(res.status, body.error?.code ?? String(res.status), body.error?.message ?? "导出失败");
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? fallbackName;
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
