import { listingTags } from "./listing";
import { imageUrl } from "./model";
import type { products } from "./schema";

type ProductRow = typeof products.$inferSelect;

/** What every product card shows (ProductCardSchema): from the product row alone, no extra read. */
export function productCard(p: ProductRow) {
  return {
    id: p.id,
    name: p.name,
    subtitle: p.subtitle,
    brand: p.brand,
    priceFen: p.minPriceFen,
    originalPriceFen: p.minOriginalPriceFen,
    cover: p.images[0] ? imageUrl(p.images[0]) : null,
    tags: listingTags(p.attributes),
  };
}
