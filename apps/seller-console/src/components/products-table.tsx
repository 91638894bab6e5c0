"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { RouterOutputs } from "@bazaar/api";
import { Alert, Badge, Button, formatMoney, Table, TBody, Td, Th, THead } from "@bazaar/ui";
import { errorMessage } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";
import { ProductStatusBadge } from "./status-badge";

type Row = RouterOutputs["seller"]["products"]["items"][number];
type Action = "publish" | "archive";

const done: Record<Action, string> = { publish: "published", archive: "archived" };

/** The products table with row selection and bulk publish / archive. */
export function ProductsTable({ products }: { products: Row[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [refreshing, startRefresh] = useTransition();
  const [report, setReport] = useState<{ tone: "success" | "warning"; lines: string[] } | null>(null);
  const names = new Map(products.map((p) => [p.id, p.name]));

  const bulk = useMutation(
    trpc.seller.bulkProductStatus.mutationOptions({
      onSuccess: (result, { action }) => {
        const failed = result.results.filter((r) => !r.ok);
        setReport({
          tone: failed.length ? "warning" : "success",
          lines: [
            `${result.changed} ${result.changed === 1 ? "product" : "products"} ${done[action as Action]}.`,
            ...failed.map((r) => `${names.get(r.id) ?? r.id}: ${r.error}`),
          ],
        });
        setSelected(new Set(failed.map((r) => r.id)));
        startRefresh(() => router.refresh());
      },
    }),
  );

  const allSelected = products.length > 0 && products.every((p) => selected.has(p.id));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const run = (action: Action) => {
    setReport(null);
    bulk.mutate({ ids: [...selected], action });
  };

  return (
    <div className="space-y-3">
      <div className="flex min-h-10 flex-wrap items-center gap-2" role="region" aria-label="Bulk actions">
        <span className="text-sm text-slate-600" aria-live="polite">
          {selected.size > 0 ? `${selected.size} selected` : "Select products to publish or archive several at once."}
        </span>
        {selected.size > 0 ? (
          <>
            <Button size="sm" onClick={() => run("publish")} pending={bulk.isPending && bulk.variables?.action === "publish"} disabled={bulk.isPending}>
              Publish
            </Button>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => run("archive")}
              pending={bulk.isPending && bulk.variables?.action === "archive"}
              disabled={bulk.isPending}
            >
              Archive
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
              Clear selection
            </Button>
          </>
        ) : null}
      </div>
      {report ? (
        <Alert tone={report.tone}>
          <ul className="space-y-1">
            {report.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {bulk.error ? <Alert tone="danger">{errorMessage(bulk.error)}</Alert> : null}
      <div aria-busy={refreshing || undefined}>
        <Table caption="Your products">
          <THead>
            <tr>
              <Th className="w-10">
                <input
                  type="checkbox"
                  aria-label="Select all products on this page"
                  className="size-4 rounded border-slate-300"
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(products.map((p) => p.id)))}
                />
              </Th>
              <Th>Product</Th>
              <Th className="max-sm:hidden">SKU</Th>
              <Th className="max-sm:hidden">Status</Th>
              <Th className="text-right">Price</Th>
              <Th className="text-right max-sm:hidden">Available</Th>
            </tr>
          </THead>
          <TBody>
            {products.map((product) => (
              <tr key={product.id} className={selected.has(product.id) ? "bg-brand-50/50" : undefined} data-testid="product-row">
                <Td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${product.name}`}
                    className="size-4 rounded border-slate-300"
                    checked={selected.has(product.id)}
                    onChange={() => toggle(product.id)}
                  />
                </Td>
                <Td className="sm:min-w-56">
                  <div className="flex items-center gap-3">
                    {product.image ? (
                      <img src={product.image.url} alt="" className="size-10 shrink-0 rounded object-cover ring-1 ring-slate-200 max-sm:hidden" />
                    ) : (
                      <span aria-hidden className="size-10 shrink-0 rounded bg-slate-100 ring-1 ring-slate-200 max-sm:hidden" />
                    )}
                    <div className="min-w-0">
                      <Link href={`/products/${product.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                        {product.name}
                      </Link>
                      {product.category ? <p className="truncate text-xs text-slate-500">{product.category}</p> : null}
                      <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600 sm:hidden">
                        <ProductStatusBadge status={product.status} unlisted={Boolean(product.unlistedAt)} />
                        <span>
                          {product.available} available{product.lowRows > 0 ? " (low)" : ""}
                        </span>
                      </div>
                    </div>
                  </div>
                </Td>
                <Td className="font-mono text-xs whitespace-nowrap text-slate-600 max-sm:hidden">{product.sku}</Td>
                <Td className="max-sm:hidden">
                  <ProductStatusBadge status={product.status} unlisted={Boolean(product.unlistedAt)} />
                </Td>
                <Td className="text-right whitespace-nowrap tabular-nums">{formatMoney(product.priceCents, product.currency)}</Td>
                <Td className="text-right whitespace-nowrap tabular-nums max-sm:hidden">
                  {product.lowRows > 0 ? (
                    <Badge tone="warning" className="mr-2">
                      Low
                    </Badge>
                  ) : null}
                  {product.available}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </div>
    </div>
  );
}
