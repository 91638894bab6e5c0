/** @jsxRuntime automatic */
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";
import { LineItems, type EmailLine, type EmailTotal } from "./line-items";

export interface NewOrderProps {
  shopName: string;
  orderNumber: number;
  shipmentUrl: string;
  currency: string;
  lines: EmailLine[];
  totals: EmailTotal[];
  shipTo: string[];
}

export const newOrderSubject = (props: NewOrderProps) => `New order #${props.orderNumber} for ${props.shopName}`;

export function NewOrderEmail(props: NewOrderProps) {
  return (
    <EmailLayout preview={`Order #${props.orderNumber} is paid and ready to pack`} heading={`New order #${props.orderNumber}`}>
      <Text style={styles.text}>The buyer has paid. Please pack these items and mark the shipment as shipped with its tracking number.</Text>
      <LineItems lines={props.lines} totals={props.totals} currency={props.currency} />
      <Text style={styles.text}>Ship to: {props.shipTo.join(", ")}</Text>
      <Section style={{ margin: "24px 0" }}>
        <Button href={props.shipmentUrl} style={styles.button}>
          Open the shipment
        </Button>
      </Section>
    </EmailLayout>
  );
}
