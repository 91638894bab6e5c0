import Link from "next/link";
import { EmptyState, formatMoney, Table, TBody, Td, Th, THead } from "@bazaar/ui";

export interface RankedRow {
  key: string;
  name: string;
  href: string;
  count: number;
  revenueCents: number;
}

/** A dashboard ranking (top products, top sellers): name, a count, revenue, best first. */
export function RankedTable({
  id,
  title,
  caption,
  nameHeading,
  countHeading,
  currency,
  rows,
}: {
  id: string;
  title: string;
  caption: string;
  nameHeading: string;
  countHeading: string;
  currency: string;
  rows: RankedRow[];
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-base font-semibold text-slate-900">
        {title}
      </h2>
      {rows.length === 0 ? (
        <EmptyState title="No sales in this range" />
      ) : (
        <Table caption={caption}>
          <THead>
            <tr>
              <Th>{nameHeading}</Th>
              <Th className="text-right">{countHeading}</Th>
              <Th className="text-right">Revenue</Th>
            </tr>
          </THead>
          <TBody>
            {rows.map((row) => (
              <tr key={row.key}>
                <Td>
                  <Link className="text-brand-700 hover:underline" href={row.href}>
                    {row.name}
                  </Link>
                </Td>
                <Td className="text-right tabular-nums">{row.count}</Td>
                <Td className="text-right tabular-nums">{formatMoney(row.revenueCents, currency)}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}
