/**
 * Makes a product's rich description fit a phone screen, on H5 and in the mini program alike (the
 * mini program's rich-text takes inline styles, not page CSS): images shrink to the width (max-width
 * 100 %, height auto) and each table scrolls sideways inside its own box instead of widening the page.
 */
const IMG_STYLE = "max-width:100%;height:auto;display:block;";
const TABLE_BOX = '<div style="max-width:100%;overflow-x:auto;-webkit-overflow-scrolling:touch;">';

function withStyle(attrs: string, style: string): string {
  const m = /\sstyle\s*=\s*(["'])(.*?)\1/i.exec(attrs);
  if (!m) return `${attrs} style="${style}"`;
  return attrs.replace(m[0], ` style=${m[1]}${style}${m[2]}${m[1]}`);
}

export function fitRichHtml(html: string): string {
  return `<div style="max-width:100%;overflow-wrap:anywhere;">${html
    .replace(/<img\b([^>]*?)(\/?)>/gi, (_all, attrs: string, slash: string) => `<img${withStyle(attrs, IMG_STYLE)}${slash}>`)
    .replace(/<table\b/gi, `${TABLE_BOX}<table`)
    .replace(/<\/table>/gi, "</table></div>")}</div>`;
}
