"use client";

// Recharts is large and needs the browser's layout: import this file only from a client component
// that loads it lazily (next/dynamic with ssr: false), never from the package index.
import { Area, Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
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
export function GmvChart({ data, currency, height = 280 }: { data: DailyPoint[]; currency: string; height?: number }) {
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
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="day" tickFormatter={dayLabel} tick={axisTick} tickLine={false} axisLine={false} minTickGap={24} />
          <YAxis yAxisId="money" tickFormatter={compact} tick={axisTick} tickLine={false} axisLine={false} width={60} />
          <YAxis yAxisId="orders" orientation="right" allowDecimals={false} tick={axisTick} tickLine={false} axisLine={false} width={32} />
          <Tooltip
            labelFormatter={(label) => dayLabel(String(label))}
            formatter={(value, name) => (name === "Orders" ? [String(value), name] : [formatMoney(Number(value), currency), String(name)])}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="orders" dataKey="orders" name="Orders" fill={AMBER} radius={[3, 3, 0, 0]} maxBarSize={18} />
          <Area yAxisId="money" type="monotone" dataKey="gmvCents" name="GMV" stroke={BRAND} fill={BRAND} fillOpacity={0.12} strokeWidth={2} />
          <Line yAxisId="money" type="monotone" dataKey="commissionCents" name="Commission" stroke={EMERALD} strokeWidth={2} dot={false} />
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
export function BreakdownChart({ data, height = 280 }: { data: BreakdownPoint[]; height?: number }) {
  return (
    <div aria-hidden style={{ width: "100%", height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={axisTick} tickLine={false} axisLine={false} />
          <YAxis type="category" dataKey="label" width={118} tick={axisTick} tickLine={false} axisLine={false} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} />
          <Bar dataKey="value" name="Orders" fill={BRAND} radius={[0, 3, 3, 0]} maxBarSize={22} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export interface MinuteSeries {
  /** The field of each point to draw. */
  key: string;
  label: string;
  color: "brand" | "emerald" | "amber" | "red";
}

const COLORS: Record<MinuteSeries["color"], string> = {
  brand: BRAND,
  emerald: EMERALD,
  amber: AMBER,
  red: "oklch(0.58 0.22 27)",
};
const minuteLabel = (iso: string) =>
  new Date(iso).toLocaleTimeString("en-US", {
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZone: "UTC",
  });

/**
 * Figures per minute over the last hour (the System health page), one line per series; a gap
 * where a minute has no figure. Hidden from screen readers: the page gives the figures in text.
 */
export function MinuteChart({
  data,
  series,
  format,
  height = 220,
}: {
  data: Array<Record<string, string | number | null>>;
  series: MinuteSeries[];
  /** How a value reads on the axis and in the tooltip. */
  format: "ms" | "percent" | "seconds" | "count";
  height?: number;
}) {
  const formatValue = (value: number) =>
    format === "percent"
      ? `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`
      : format === "ms"
        ? value >= 1000
          ? `${(value / 1000).toFixed(1)} s`
          : `${Math.round(value)} ms`
        : format === "seconds"
          ? `${Math.round(value)} s`
          : String(Math.round(value));
  return (
    <div aria-hidden style={{ width: "100%", height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="minute" tickFormatter={(v) => minuteLabel(String(v))} tick={axisTick} tickLine={false} axisLine={false} minTickGap={32} />
          <YAxis
            tickFormatter={(v) => formatValue(Number(v))}
            tick={axisTick}
            tickLine={false}
            axisLine={false}
            width={56}
            allowDecimals={format !== "count"}
          />
          <Tooltip labelFormatter={(label) => `${minuteLabel(String(label))} UTC`} formatter={(value, name) => [formatValue(Number(value)), String(name)]} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) =>
            format === "count" ? (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={COLORS[s.color]} maxBarSize={10} />
            ) : (
              <Line
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.label}
                stroke={COLORS[s.color]}
                strokeWidth={2}
                dot={false}
                connectNulls={false}
                isAnimationActive={false}
              />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
