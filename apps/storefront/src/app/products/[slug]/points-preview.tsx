"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { useVariantSelection } from "./variant-selection";

/**
 * "Earn N points": asked from the browser for this visitor (their tier's multiplier, or the Member
 * rate for a visitor), so the page's cached HTML is the same for everyone.
 */
export function PointsPreview({ priceCents, currency }: { priceCents: number; currency: string }) {
  const trpc = useTRPC();
  const { variant } = useVariantSelection();
  const price = variant?.priceCents ?? priceCents;
  const preview = useQuery(trpc.loyalty.preview.queryOptions({ priceCents: price, currency }, { staleTime: 60_000 }));
  if (!preview.data || preview.data.points <= 0) return null;
  return (
    <p className="text-sm text-emerald-800" data-testid="points-preview">
      Earn {preview.data.points.toLocaleString("en-US")} points with this purchase
      {preview.data.tierName ? <span className="text-slate-600"> ({preview.data.tierName} rate)</span> : null}
    </p>
  );
}
