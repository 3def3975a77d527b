/** "立即购买" passes its lines to the checkout page in the URL; an absent param means "the cart's selection". */
export interface BuyLine {
  skuId: number;
  quantity: number;
}

export function checkoutUrl(lines?: BuyLine[]): string {
  return lines ? `/pages/checkout/index?items=${encodeURIComponent(JSON.stringify(lines))}` : "/pages/checkout/index";
}

export function parseBuyLines(raw: string | undefined): BuyLine[] | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(decodeURIComponent(raw)) as unknown;
    if (!Array.isArray(v)) return undefined;
    const lines = v.filter(
      (l): l is BuyLine => Number.isInteger(l?.skuId) && Number.isInteger(l?.quantity) && l.quantity > 0,
    );
    return lines.length ? lines : undefined;
  } catch {
    return undefined;
  }
}
