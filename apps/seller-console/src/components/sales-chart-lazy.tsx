"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@bazaar/ui";

// The chart library loads only on the dashboard, after the figures are on screen.
export const LazySalesChart = dynamic(() => import("@bazaar/ui/sales-chart").then((m) => m.SalesChart), {
  ssr: false,
  loading: () => <Skeleton className="h-[260px] w-full" />,
});
