"use client";

// Recharts is large and needs the browser's layout: import this file only from a client component
// that loads it lazily (next/dynamic with ssr: false), never from the package index.
import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatMoney } from "./money";

export interface DailyPoint {
  /** YYYY-MM-DD */
  day: string;
  gmvCents: number;
  commissionCents: number;
  orders: number;
}

const BRAND = "oklch(0.49 0.21 265)";
const EMERALD = "oklch(0.6 0.13 163)";
const AMBER = "oklch(0.75 0.15 70)";
const axisTick = { fontSize: 12, fill: "#475569" };
const dayLabel = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });

/**
 * Gross merchandise value per day (area), the platform's commission (line) and orders placed
 * (bars, right axis). Hidden from screen readers: the page gives the same numbers as a table.
 */
export function GmvChart({
  data,
  currency,
  height = 280,
}: {
  data: DailyPoint[];
  currency: string;
  height?: number;
}) {
  const compact = (cents: number) =>
    new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      notation: "compact",
      maximumFractionDigits: 1,
    }).format(cents / 100);
  return (
    <div aria-hidden style={{ width: "100%", height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          // Hidden from assistive technology (the page has the table), so not keyboard-focusable either.
          accessibilityLayer={false}
          data={data}
          margin={{ top: 8, right: 0, bottom: 0, left: 0 }}
        >
          <CartesianGrid
            strokeDasharray="3 3"
            vertical={false}
            stroke="#e2e8f0"
          />
          <XAxis
            dataKey="day"
            tickFormatter={dayLabel}
            tick={axisTick}
            tickLine={false}
            axisLine={false}
            minTickGap={24}
          />
          <YAxis
            yAxisId="money"
            tickFormatter={compact}
            tick={axisTick}
            tickLine={false}
            axisLine={false}
            width={60}
          />
          <YAxis
            yAxisId="orders"
            orientation="right"
            allowDecimals={false}
            tick={axisTick}
            tickLine={false}
            axisLine={false}
            width={32}
          />
          <Tooltip
            labelFormatter={(label) => dayLabel(String(label))}
            formatter={(value, name) =>
              name === "Orders"
                ? [String(value), name]
                : [formatMoney(Number(value), currency), String(name)]
            }
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar
            yAxisId="orders"
            dataKey="orders"
            name="Orders"
            fill={AMBER}
            radius={[3, 3, 0, 0]}
            maxBarSize={18}
          />
          <Area
            yAxisId="money"
            type="monotone"
            dataKey="gmvCents"
            name="GMV"
            stroke={BRAND}
            fill={BRAND}
            fillOpacity={0.12}
            strokeWidth={2}
          />
          <Line
            yAxisId="money"
            type="monotone"
            dataKey="commissionCents"
            name="Commission"
            stroke={EMERALD}
            strokeWidth={2}
            dot={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

export interface BreakdownPoint {
  label: string;
  value: number;
}

/** Counts per category as horizontal bars (orders by status). Hidden from screen readers like GmvChart. */
export function BreakdownChart({
  data,
  height = 280,
}: {
  data: BreakdownPoint[];
  height?: number;
}) {
  return (
    <div aria-hidden style={{ width: "100%", height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          accessibilityLayer={false}
          data={data}
          layout="vertical"
          margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid
            strokeDasharray="3 3"
            horizontal={false}
            stroke="#e2e8f0"
          />
          <XAxis
            type="number"
            allowDecimals={false}
            tick={axisTick}
            tickLine={false}
            axisLine={false}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={118}
            tick={axisTick}
            tickLine={false}
            axisLine={false}
          />
          <Tooltip cursor={{ fill: "#f1f5f9" }} />
          <Bar
            dataKey="value"
            name="Orders"
            fill={BRAND}
            radius={[0, 3, 3, 0]}
            maxBarSize={22}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
