/** API origin baked in at build time (.env.*). Empty = same origin, which is how the worker serves H5. */
export const API_BASE: string = (import.meta.env.VITE_API_BASE ?? "").replace(/\/+$/, "");

/** Absolute-or-relative URL for an API path or a server-relative asset such as `/api/images/…`. */
export function apiUrl(path: string): string {
  if (/^(https?:|data:|blob:)/.test(path)) return path;
  return `${API_BASE}${path.startsWith("/") ? path : `/${path}`}`;
}

/**
 * uview-plus icon font, self-hosted. H5 loads it from its own static/ folder; a mini program can only
 * load fonts over the network, so it uses the copy the worker serves with the H5 build.
 */
export function iconFontUrl(): string {
  // #ifdef H5
  return "/static/fonts/upicon.ttf";
  // #endif
  // #ifndef H5
  return apiUrl("/static/fonts/upicon.ttf");
  // #endif
}

/** Build target, resolved by uni-app's conditional compilation (vue-tsc sees both branches). */
export const IS_MP_WEIXIN: boolean = (() => {
  // #ifdef MP-WEIXIN
  return true;
  // #endif
  return false;
})();
