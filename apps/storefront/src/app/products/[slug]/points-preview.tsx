"use client";

import { useEffect, useState } from "react";
import type { RouterOutputs } from "@bazaar/api";
import { leanApi } from "~/lib/lean-api";
import { useVariantSelection } from "./variant-selection";

type Preview = RouterOutputs["loyalty"]["preview"];

/**
 * "Earn N points": asked from the browser for this visitor (their tier's multiplier, or the Member
 * rate for a visitor), so the page's cached HTML is the same for everyone. Asked again when the
 * chosen variant's price differs.
 */
export function PointsPreview({ priceCents, currency }: { priceCents: number; currency: string }) {
  const { variant } = useVariantSelection();
  const price = variant?.priceCents ?? priceCents;
  const [preview, setPreview] = useState<{ price: number; answer: Preview } | null>(null);
  useEffect(() => {
    let current = true;
    leanApi.pointsPreview({ priceCents: price, currency }).then(
      (answer) => current && setPreview({ price, answer }),
      // No preview is shown rather than an error: it is a hint, not part of buying.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [price, currency]);
  if (!preview || preview.price !== price || preview.answer.points <= 0) return null;
  return (
    <p className="text-sm text-emerald-800" data-testid="points-preview">
      Earn {preview.answer.points.toLocaleString("en-US")} points with this purchase
      {preview.answer.tierName ? <span className="text-slate-600"> ({preview.answer.tierName} rate)</span> : null}
    </p>
  );
}
