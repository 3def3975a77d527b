/** What every line of goods carries (cart line, checkout quote line, order item): a SKU, its price, how many. */
export interface SkuLine {
  skuId: number;
  productId: number;
  name: string;
  specs: Record<string, string>;
  imageUrl: string | null;
  unitPriceFen: number;
  quantity: number;
  lineTotalFen: number;
}

/** A line priced before ordering (cart, quote): stock and availability as the server sees them now. */
export interface LiveSkuLine extends SkuLine {
  stock: number | null;
  available: boolean;
  unavailableLabel: string | null;
}
