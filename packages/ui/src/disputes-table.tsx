import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "./badge";
import { formatMoney } from "./money";
import { Table, TBody, Td, Th, THead } from "./table";

export type DisputeStatusName = "OPEN" | "WON" | "LOST";

export interface DisputeRow {
  id: string;
  status: DisputeStatusName;
  reason: string;
  currency: string;
  evidenceDueBy: Date | null;
  order: { id: string; number: number };
}

export interface DisputesTableProps<R extends DisputeRow> {
  caption: string;
  rows: R[];
  /** The money column: the whole disputed amount (admin) or the seller's share of it. */
  amount: { label: string; cents: (row: R) => number };
  /** Where an order number links to, when the reader may open the order. */
  orderHref?: (row: R) => string;
  /** An extra last column, e.g. the admin's evidence form. */
  extra?: { label: string; cell: (row: R) => ReactNode };
}

const tone: Record<DisputeStatusName, BadgeTone> = { OPEN: "warning", WON: "success", LOST: "danger" };
const dayFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** Chargebacks, as the admin console and the seller's money page both list them: order, status, reason, amount, evidence deadline. */
export function DisputesTable<R extends DisputeRow>({ caption, rows, amount, orderHref, extra }: DisputesTableProps<R>) {
  return (
    <Table caption={caption}>
      <THead>
        <tr>
          <Th>Order</Th>
          <Th>Status</Th>
          <Th>Reason</Th>
          <Th className="text-right">{amount.label}</Th>
          <Th>Evidence due</Th>
          {extra ? <Th>{extra.label}</Th> : null}
        </tr>
      </THead>
      <TBody>
        {rows.map((d) => (
          <tr key={d.id} data-testid="dispute-row">
            <Td>
              {orderHref ? (
                <Link href={orderHref(d)} className="font-medium text-brand-700 hover:underline">
                  #{d.order.number}
                </Link>
              ) : (
                `#${d.order.number}`
              )}
            </Td>
            <Td>
              <Badge tone={tone[d.status]}>{d.status.toLowerCase()}</Badge>
            </Td>
            <Td className="text-slate-600">{d.reason.replaceAll("_", " ")}</Td>
            <Td className="text-right tabular-nums">{formatMoney(amount.cents(d), d.currency)}</Td>
            <Td className="whitespace-nowrap text-slate-600">{d.evidenceDueBy ? dayFormat.format(d.evidenceDueBy) : "—"}</Td>
            {extra ? <Td className="min-w-64">{extra.cell(d)}</Td> : null}
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
