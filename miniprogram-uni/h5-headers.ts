/**
 * The H5 store's security headers, written as Workers static assets' `_headers` file into the H5
 * build (vite.config.ts) and checked by worker/shared/security-headers.test.ts.
 *
 * The store runs only its own bundles: scripts from 'self' (no inline script, no eval), styles from
 * 'self' plus inline style attributes (uni-h5 and Vue bind styles), images from itself, data:/blob:
 * and https (category icons may be https URLs), API calls to itself or to VITE_API_BASE when the API
 * lives elsewhere. Nobody may frame it (clickjacking).
 */
/** Cache-Control of hashed build assets. */
export const IMMUTABLE = "public, max-age=31536000, immutable";

export function h5Headers(apiBase = ""): string {
  const api = apiOrigins(apiBase);
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${api}`,
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return [
    "/*",
    `  Content-Security-Policy: ${csp}`,
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: strict-origin-when-cross-origin",
    "  X-Frame-Options: DENY",
    // Vite's output under /assets/ carries a content hash in every file name: a change is a new URL,
    // so browsers and the edge may keep these for a year without asking. index.html, /static/* (not
    // hashed) and SPA routes keep the platform default (max-age=0, must-revalidate, ETag). No other
    // rule here may set Cache-Control: headers of all matching rules are combined.
    "/assets/*",
    `  Cache-Control: ${IMMUTABLE}`,
    "",
  ].join("\n");
}

/** The API's origin and its WebSocket origin (chat), when the API is not on the store's own origin. */
function apiOrigins(apiBase: string): string {
  if (!/^https?:\/\//.test(apiBase)) return "";
  const origin = new URL(apiBase).origin;
  return ` ${origin} ${origin.replace(/^http/, "ws")}`;
}
