/** @jsxRuntime automatic */
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";
import { LineItems, type EmailLine, type EmailTotal } from "./line-items";

export interface OrderConfirmationProps {
  buyerName: string;
  orderNumber: number;
  orderUrl: string;
  currency: string;
  lines: (EmailLine & { shopName: string })[];
  totals: EmailTotal[];
  shipTo: string[];
}

export const orderConfirmationSubject = (props: OrderConfirmationProps) => `Your Bazaar order #${props.orderNumber} is confirmed`;

export function OrderConfirmationEmail(props: OrderConfirmationProps) {
  const shops = [...new Set(props.lines.map((line) => line.shopName))];
  return (
    <EmailLayout preview={`Order #${props.orderNumber} is confirmed`} heading={`Thank you, ${props.buyerName}!`}>
      <Text style={styles.text}>
        We received your payment and order #{props.orderNumber} is confirmed.{" "}
        {shops.length > 1
          ? `It ships from ${shops.length} shops (${shops.join(", ")}), so it may arrive in several parcels.`
          : `It ships from ${shops[0] ?? "the shop"}.`}
      </Text>
      <LineItems lines={props.lines.map((line) => ({ ...line, name: `${line.name} (${line.shopName})` }))} totals={props.totals} currency={props.currency} />
      <Text style={styles.text}>Shipping to: {props.shipTo.join(", ")}</Text>
      <Section style={{ margin: "24px 0" }}>
        <Button href={props.orderUrl} style={styles.button}>
          View your order
        </Button>
      </Section>
    </EmailLayout>
  );
}
