"use client";

// Recharts is large and needs the browser's layout: import this file only from a client component
// that loads it lazily (next/dynamic with ssr: false), never from the package index.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "./money";

export interface SalesPoint {
  /** YYYY-MM-DD */
  day: string;
  salesCents: number;
  orders: number;
}

const dayLabel = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** Daily sales as bars; the page gives the same numbers as a table for screen readers. */
export function SalesChart({ data, currency, height = 260 }: { data: SalesPoint[]; currency: string; height?: number }) {
  const compact = (cents: number) =>
    new Intl.NumberFormat("en-US", { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 }).format(cents / 100);
  return (
    <div aria-hidden style={{ width: "100%", height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="day" tickFormatter={dayLabel} tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} axisLine={false} minTickGap={24} />
          <YAxis tickFormatter={compact} tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} axisLine={false} width={56} allowDecimals={false} />
          <Tooltip
            cursor={{ fill: "#f1f5f9" }}
            labelFormatter={(label) => dayLabel(String(label))}
            formatter={(value, _name, item) => {
              const orders = (item.payload as SalesPoint).orders;
              return [`${formatMoney(Number(value), currency)} · ${orders} ${orders === 1 ? "order" : "orders"}`, "Sales"];
            }}
          />
          <Bar dataKey="salesCents" fill="oklch(0.49 0.21 265)" radius={[3, 3, 0, 0]} maxBarSize={28} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
