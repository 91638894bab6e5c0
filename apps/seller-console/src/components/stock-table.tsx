"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { RouterOutputs } from "@bazaar/api";
import { Badge, Button, cn, Td, Th } from "@bazaar/ui";
import { domainCodeOf, errorMessage } from "~/lib/trpc-errors";
import { useTRPC, useTRPCClient } from "~/trpc/react";

type ServerRow = RouterOutputs["inventory"]["list"]["items"][number];

/** A stock row, or a warehouse the product has no row in yet (`id` null, version 0). */
export type StockRow = Omit<ServerRow, "id" | "updatedAt"> & { id: string | null };

const cellInput =
  "w-24 rounded-md border-0 px-2 py-1.5 text-right text-sm tabular-nums ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 focus:outline-none aria-invalid:ring-red-500";

/** Stock per product and warehouse with on-hand and alert level edited in place. */
export function StockTable({ rows: initial, showProduct, caption }: { rows: StockRow[]; showProduct: boolean; caption: string }) {
  const [rows, setRows] = useState(initial);
  const replace = (next: StockRow) => setRows((list) => list.map((r) => (r.variantId === next.variantId && r.warehouseId === next.warehouseId ? next : r)));
  // Below the sm breakpoint each row becomes a card (CSS only, one DOM): the inputs stay in reach
  // without scrolling sideways, and each value carries its column name (data-label).
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200 max-sm:overflow-visible max-sm:bg-transparent max-sm:ring-0">
      <table className="min-w-full divide-y divide-slate-200 text-sm max-sm:block max-sm:divide-y-0">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase max-sm:hidden">
          <tr>
            {showProduct ? <Th>Product</Th> : null}
            <Th>Warehouse</Th>
            <Th className="text-right">On hand</Th>
            <Th className="text-right">In carts</Th>
            <Th className="text-right">In orders</Th>
            <Th className="text-right">Available</Th>
            <Th className="text-right">Alert below</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 max-sm:block max-sm:space-y-3 max-sm:divide-y-0">
          {rows.map((row) => (
            <StockRowEditor key={`${row.variantId}:${row.warehouseId}`} row={row} onChange={replace} showProduct={showProduct} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

// On small screens: a two-column card; each cell shows its column name above the value.
const card = "max-sm:grid max-sm:grid-cols-3 max-sm:gap-x-3 max-sm:gap-y-3 max-sm:rounded-lg max-sm:bg-white max-sm:p-4 max-sm:ring-1 max-sm:ring-slate-200";
const cell =
  "max-sm:p-0 max-sm:text-left max-sm:before:mb-1 max-sm:before:block max-sm:before:text-xs max-sm:before:font-medium max-sm:before:text-slate-500 max-sm:before:content-[attr(data-label)]";

function StockRowEditor({ row, onChange, showProduct }: { row: StockRow; onChange: (row: StockRow) => void; showProduct: boolean }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [onHand, setOnHand] = useState(String(row.onHand));
  const [threshold, setThreshold] = useState(String(row.lowStockThreshold));
  const [problem, setProblem] = useState<{ message: string; conflict: boolean } | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const where = `${row.productName} in ${row.warehouseName}`;

  const applied = (next: StockRow, note: string) => {
    onChange(next);
    setOnHand(String(next.onHand));
    setThreshold(String(next.lowStockThreshold));
    setProblem(null);
    setSavedNote(note);
  };
  const failed = (error: unknown) => {
    setSavedNote(null);
    const conflict = domainCodeOf(error) === "CONFLICT";
    setProblem({ conflict, message: conflict ? "Changed by someone else: reload to see the latest numbers, then try again." : errorMessage(error) });
  };

  const saveOnHand = useMutation(trpc.inventory.setOnHand.mutationOptions({ onSuccess: (next) => applied(next, "Saved"), onError: failed }));
  const saveThreshold = useMutation(trpc.inventory.setThreshold.mutationOptions({ onSuccess: (next) => applied(next, "Alert level saved"), onError: failed }));
  const reload = useMutation({
    mutationFn: () => client.inventory.list.query({ variantId: row.variantId, limit: 200 }),
    onSuccess: ({ items }) => {
      const fresh = items.find((r) => r.warehouseId === row.warehouseId);
      if (fresh) applied(fresh, "Reloaded");
    },
  });

  const onHandNumber = Number(onHand);
  const onHandValid = onHand.trim() !== "" && Number.isInteger(onHandNumber) && onHandNumber >= 0;
  const thresholdNumber = Number(threshold);
  const thresholdValid = threshold.trim() !== "" && Number.isInteger(thresholdNumber) && thresholdNumber >= 0;
  const submitOnHand = () => {
    if (!onHandValid) return setProblem({ conflict: false, message: "Enter a whole number of units, 0 or more." });
    saveOnHand.mutate({ variantId: row.variantId, warehouseId: row.warehouseId, onHand: onHandNumber, version: row.version });
  };
  const submitThreshold = () => {
    if (!row.id) return;
    if (!thresholdValid) return setProblem({ conflict: false, message: "Enter a whole number, 0 or more." });
    saveThreshold.mutate({ stockLevelId: row.id, threshold: thresholdNumber });
  };
  const onHandChanged = onHand !== String(row.onHand);
  const thresholdChanged = threshold !== String(row.lowStockThreshold);

  return (
    <>
      <tr data-testid="stock-row" className={cn(card, row.low && row.id ? "bg-amber-50/50 max-sm:bg-amber-50" : undefined)}>
        {showProduct ? (
          <Td className={cn("min-w-48 max-sm:col-span-3", cell)} data-label="Product">
            <Link href={`/products/${row.productId}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
              {row.productName}
            </Link>
            <p className="font-mono text-xs text-slate-500">{row.sku}</p>
          </Td>
        ) : null}
        <Td className={cn("whitespace-nowrap max-sm:col-span-3 max-sm:whitespace-normal", cell)} data-label="Warehouse">
          {/* On a product's own page the rows are its variants' (the product column is left out). */}
          {!showProduct && row.variantTitle ? <p className="font-medium text-slate-900">{row.variantTitle}</p> : null}
          {row.warehouseName} <span className="text-xs text-slate-500">({row.warehouseCode})</span>
        </Td>
        <Td className={cn("text-right max-sm:col-span-3", cell)} data-label="On hand">
          <div className="flex items-center justify-end gap-2 max-sm:justify-start">
            <input
              className={cellInput}
              inputMode="numeric"
              aria-label={`On hand: ${where}`}
              aria-invalid={problem && !problem.conflict && onHandChanged ? true : undefined}
              value={onHand}
              onChange={(event) => {
                setOnHand(event.target.value);
                setSavedNote(null);
              }}
              onKeyDown={(event) => {
                if (event.key === "Enter") submitOnHand();
              }}
            />
            <Button
              size="sm"
              variant={onHandChanged ? "primary" : "secondary"}
              disabled={!onHandChanged || saveOnHand.isPending}
              pending={saveOnHand.isPending}
              onClick={submitOnHand}
              aria-label={`Save on hand: ${where}`}
            >
              Save
            </Button>
          </div>
        </Td>
        <Td className={cn("text-right tabular-nums", cell)} data-label="In carts">
          {row.reserved}
        </Td>
        <Td className={cn("text-right tabular-nums", cell)} data-label="In orders">
          {row.allocated}
        </Td>
        <Td className={cn("text-right whitespace-nowrap tabular-nums", cell)} data-label="Available">
          {row.id && row.low ? (
            <Badge tone="warning" className="mr-2">
              Low
            </Badge>
          ) : null}
          <span data-testid="available">{row.available}</span>
        </Td>
        <Td className={cn("text-right max-sm:col-span-3", cell)} data-label="Alert below">
          <div className="flex items-center justify-end gap-2 max-sm:justify-start">
            <input
              className={cellInput}
              inputMode="numeric"
              aria-label={`Low-stock alert level: ${where}`}
              disabled={!row.id}
              title={row.id ? undefined : "Set on hand first"}
              value={threshold}
              onChange={(event) => {
                setThreshold(event.target.value);
                setSavedNote(null);
              }}
              onKeyDown={(event) => {
                if (event.key === "Enter") submitThreshold();
              }}
            />
            <Button
              size="sm"
              variant="secondary"
              disabled={!row.id || !thresholdChanged || saveThreshold.isPending}
              pending={saveThreshold.isPending}
              onClick={submitThreshold}
              aria-label={`Save alert level: ${where}`}
            >
              Save
            </Button>
          </div>
        </Td>
      </tr>
      {problem || savedNote ? (
        <tr className="max-sm:block">
          <td colSpan={showProduct ? 7 : 6} className="px-4 pb-3 max-sm:block max-sm:px-0">
            {problem ? (
              <div
                role="alert"
                className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
                data-testid="stock-error"
              >
                <span>{problem.message}</span>
                {problem.conflict ? (
                  <Button size="sm" variant="secondary" pending={reload.isPending} onClick={() => reload.mutate()}>
                    Reload
                  </Button>
                ) : null}
              </div>
            ) : (
              <p role="status" className="text-right text-xs text-emerald-700">
                {savedNote}: {where}
              </p>
            )}
          </td>
        </tr>
      ) : null}
    </>
  );
}
