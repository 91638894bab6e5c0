/** @jsxRuntime automatic */
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export interface ShipmentUpdateProps {
  buyerName: string;
  orderNumber: number;
  shopName: string;
  status: "PROCESSING" | "SHIPPED" | "DELIVERED" | "CANCELLED";
  carrier: string | null;
  trackingNumber: string | null;
  items: string[];
  orderUrl: string;
}

const headline: Record<ShipmentUpdateProps["status"], string> = {
  PROCESSING: "is being packed",
  SHIPPED: "is on its way",
  DELIVERED: "was delivered",
  CANCELLED: "was cancelled",
};

export const shipmentUpdateSubject = (props: ShipmentUpdateProps) =>
  `Your parcel from ${props.shopName} ${headline[props.status]} (order #${props.orderNumber})`;

export function ShipmentUpdateEmail(props: ShipmentUpdateProps) {
  return (
    <EmailLayout preview={`Order #${props.orderNumber}: your parcel ${headline[props.status]}`} heading={`Your parcel ${headline[props.status]}`}>
      <Text style={styles.text}>
        Hi {props.buyerName}, the part of order #{props.orderNumber} sold by {props.shopName} {headline[props.status]}.
      </Text>
      <Text style={styles.text}>Items: {props.items.join(", ")}</Text>
      {props.trackingNumber ? (
        <Text style={styles.text}>
          Tracking: {props.carrier ? `${props.carrier} ` : ""}
          <strong>{props.trackingNumber}</strong>
        </Text>
      ) : null}
      <Section style={{ margin: "24px 0" }}>
        <Button href={props.orderUrl} style={styles.button}>
          Track your order
        </Button>
      </Section>
    </EmailLayout>
  );
}
