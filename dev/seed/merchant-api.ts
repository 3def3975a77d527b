/** The merchant API as the seeders call it: a base URL and a merchant's token. */
export interface SeedApi {
  baseUrl: string;
  merchantToken: string;
}

interface ApiError {
  error?: { code?: string; message?: string };
}

/** `call(method, path, body)`: JSON in and out (a string body is sent as SVG); a non-2xx answer throws. */
export function merchantClient(api: SeedApi) {
  const base = api.baseUrl.replace(/\/$/, "");
  return async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const raw = typeof body === "string";
    const res = await fetch(base + path, {
      method,
      headers: {
        authorization: `Bearer ${api.merchantToken}`,
        ...(body === undefined ? {} : { "content-type": raw ? "image/svg+xml" : "application/json" }),
      },
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => ({}))) as T & ApiError;
    if (!res.ok)
      throw new Error(
        `seed: ${method} ${path} → ${res.status} ${json.error?.code ?? ""} ${json.error?.message ?? ""}`.trim(),
      );
    return json;
  };
}
export type MerchantCall = ReturnType<typeof merchantClient>;
