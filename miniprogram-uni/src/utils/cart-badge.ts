import { type Cart, getCart } from "@/api/cart";
import { session } from "@/stores/session";

/** The 购物车 tab's position in pages.json tabBar.list. */
const CART_TAB = 2;

export const cartCount = (c: Cart | null | undefined) => c?.items.reduce((n, i) => n + i.quantity, 0) ?? 0;

/**
 * The cart tab's badge: uni.setTabBarBadge on mp-weixin and its uni-h5 implementation in the browser
 * (the same call). WeChat refuses it while a non-tab page is on top; the next tab page's onShow sets it.
 */
export function showCartBadge(count: number) {
  const ignore = () => undefined;
  if (count > 0) uni.setTabBarBadge({ index: CART_TAB, text: count > 99 ? "99+" : String(count), fail: ignore });
  else uni.removeTabBarBadge({ index: CART_TAB, fail: ignore });
}

/** Re-reads the cart (logged in) and shows its unit count on the tab. */
export async function refreshCartBadge() {
  if (!session.shopper) return showCartBadge(0);
  try {
    showCartBadge(cartCount(await getCart()));
  } catch {
    // a badge is not worth an error: it is set again on the next tab page
  }
}
