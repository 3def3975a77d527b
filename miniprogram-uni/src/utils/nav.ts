import type { Banner } from "@/api/catalog";

export const go = (url: string) => uni.navigateTo({ url });

export function openCategory(id: number, name: string) {
  go(`/pages/search/index?categoryId=${id}&title=${encodeURIComponent(name)}`);
}

export function openBanner(b: Banner) {
  if (b.linkType === "product") go(`/pages/product/detail?id=${encodeURIComponent(b.linkValue)}`);
  else if (b.linkType === "category") go(`/pages/search/index?categoryId=${encodeURIComponent(b.linkValue)}`);
  else if (b.linkType === "search") go(`/pages/search/index?q=${encodeURIComponent(b.linkValue)}`);
}

/** Category icons may be an uploaded image key/URL; otherwise the card shows the name's first character. */
export function categoryIconUrl(icon: string | null): string | null {
  if (!icon) return null;
  if (/^(https?:|\/)/.test(icon)) return icon;
  return `/api/images/${icon}`;
}
