"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@bazaar/ui";

// The chart library loads in the browser only, after the dashboard's figures are on screen.
export const LazyGmvChart = dynamic(() => import("@bazaar/ui/admin-charts").then((m) => m.GmvChart), {
  ssr: false,
  loading: () => <Skeleton className="h-[280px] w-full" />,
});

export const LazyBreakdownChart = dynamic(() => import("@bazaar/ui/admin-charts").then((m) => m.BreakdownChart), {
  ssr: false,
  loading: () => <Skeleton className="h-[280px] w-full" />,
});

export const LazyMinuteChart = dynamic(() => import("@bazaar/ui/admin-charts").then((m) => m.MinuteChart), {
  ssr: false,
  loading: () => <Skeleton className="h-[220px] w-full" />,
});
