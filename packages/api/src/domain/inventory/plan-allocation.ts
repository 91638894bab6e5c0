export interface WarehouseAvailability {
  stockLevelId: string;
  available: number;
}

/**
 * Splits a quantity over a product's stock rows, most available first, so an order ships from as
 * few warehouses as possible. Returns null when all rows together cannot cover it.
 */
export function planAllocation(rows: WarehouseAvailability[], quantity: number): { stockLevelId: string; quantity: number }[] | null {
  const candidates = rows.filter((row) => row.available > 0).sort((a, b) => b.available - a.available || (a.stockLevelId < b.stockLevelId ? -1 : 1));
  const plan: { stockLevelId: string; quantity: number }[] = [];
  let remaining = quantity;
  for (const row of candidates) {
    if (remaining === 0) break;
    const take = Math.min(row.available, remaining);
    plan.push({ stockLevelId: row.stockLevelId, quantity: take });
    remaining -= take;
  }
  return remaining === 0 ? plan : null;
}
