/**
 * The API docs page: Swagger UI (swagger-ui-dist, a maintained OpenAPI viewer) over /api/openapi.json,
 * showing each operation's parameters with their types, the request and response schemas, examples and
 * a try-it that calls this API. Its files are bundled into the H5 build under /docs-assets/ (see
 * miniprogram-uni/vite.config.ts): served by Workers static assets, no CDN, so it works offline, and
 * the store's own pages never load them.
 */
export const DOCS_ASSETS = "/docs-assets";

/** The CSP of the docs page: its own scripts (nonce) and stylesheet, and calls to this API only. */
export const docsCsp = (nonce: string) =>
  [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");

/** The API docs page; both of its scripts carry `nonce`. */
export function docsPage(specUrl: string, nonce: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>家电商城 API 文档</title>
<link rel="stylesheet" href="${DOCS_ASSETS}/swagger-ui.css">
<style>body{margin:0;background:#fff}.topbar{display:none}#missing{font:14px/1.6 system-ui,sans-serif;padding:24px}</style>
</head><body><div id="docs"></div>
<script nonce="${nonce}" src="${DOCS_ASSETS}/swagger-ui-bundle.js"></script>
<script nonce="${nonce}">
if (typeof SwaggerUIBundle === "undefined") {
  document.getElementById("docs").innerHTML = '<p id="missing">API 文档查看器未随 H5 构建发布（npm run build:h5）。OpenAPI 文档：<a href=${JSON.stringify(specUrl)}>${specUrl}</a></p>';
} else {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(specUrl)},
    dom_id: "#docs",
    deepLinking: true,
    docExpansion: "none",
    defaultModelsExpandDepth: 1,
    displayRequestDuration: true,
    filter: true,
    persistAuthorization: true,
    tryItOutEnabled: false,
    validatorUrl: null,
  });
}
</script></body></html>`;
}
