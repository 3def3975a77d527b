import type { RepairPart } from "./schema";

/** What the shopper owes for a finished repair: nothing in warranty, parts + labour out of it. Pure. */
export function repairFees(parts: readonly RepairPart[], laborFen: number, inWarranty: boolean) {
  const partsFen = parts.reduce((sum, p) => sum + p.quantity * p.unitFen, 0);
  return { partsFen, laborFen, chargeFen: inWarranty ? 0 : partsFen + laborFen };
}
