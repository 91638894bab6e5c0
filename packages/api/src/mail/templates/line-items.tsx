/** @jsxRuntime automatic */
import { Column, Row, Section } from "@react-email/components";
import { formatMoney } from "../../domain/money";
import { styles } from "./layout";

export interface EmailLine {
  name: string;
  quantity: number;
  /** The line's amount (unit price times quantity), in cents. */
  amountCents: number;
}

export interface EmailTotal {
  label: string;
  cents: number;
}

/** Lines and totals as a table; the last total is the one in bold. */
export function LineItems({ lines, totals, currency }: { lines: EmailLine[]; totals: EmailTotal[]; currency: string }) {
  return (
    <Section style={{ margin: "8px 0 16px" }}>
      {lines.map((line, index) => (
        <Row key={index}>
          <Column style={styles.cell}>
            {line.quantity} × {line.name}
          </Column>
          <Column style={styles.amount}>{formatMoney(line.amountCents, currency)}</Column>
        </Row>
      ))}
      {totals.map((total, index) => (
        <Row key={total.label}>
          <Column style={index === totals.length - 1 ? styles.totalLabel : styles.cell}>{total.label}</Column>
          <Column style={index === totals.length - 1 ? styles.totalAmount : styles.amount}>{formatMoney(total.cents, currency)}</Column>
        </Row>
      ))}
    </Section>
  );
}
