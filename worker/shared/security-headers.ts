/**
 * Headers for every HTML page the worker itself serves (/agent, /api/docs). The H5 store's static
 * files get theirs from Workers static assets' `_headers` (miniprogram-uni/h5-headers.ts).
 */
export const HTML_SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  // For browsers without CSP frame-ancestors.
  "x-frame-options": "DENY",
};

/** A page that sets no CSP of its own gets this one: nothing loads, nothing frames it. */
export const DEFAULT_HTML_CSP =
  "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const HTML_HEADER_ENTRIES = Object.entries(HTML_SECURITY_HEADERS);

/**
 * Adds the headers above to an HTML answer (any other content type is left alone). Called on every
 * answer's final headers by the request pipeline (shared/request-pipeline.ts).
 */
export function applyHtmlSecurityHeaders(headers: Headers): void {
  if (!headers.get("content-type")?.startsWith("text/html")) return;
  for (const [name, value] of HTML_HEADER_ENTRIES) headers.set(name, value);
  if (!headers.has("content-security-policy")) headers.set("content-security-policy", DEFAULT_HTML_CSP);
}

/** The CSP of a page whose only script is its own inline one (marked with `nonce`). */
export const nonceCsp = (nonce: string, connect = "'self'") =>
  [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'unsafe-inline'",
    `connect-src ${connect}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
