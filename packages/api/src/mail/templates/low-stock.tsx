/** @jsxRuntime automatic */
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export interface LowStockProps {
  shopName: string;
  productName: string;
  sku: string;
  warehouseName: string;
  available: number;
  threshold: number;
  stockUrl: string;
}

export const lowStockSubject = (props: LowStockProps) => `Low stock: ${props.productName} (${props.available} left)`;

export function LowStockEmail(props: LowStockProps) {
  return (
    <EmailLayout preview={`${props.productName} is running low`} heading={`${props.productName} is running low`}>
      <Text style={styles.text}>
        {props.shopName}: only {props.available} {props.available === 1 ? "unit is" : "units are"} available of {props.productName} (SKU {props.sku}) in{" "}
        {props.warehouseName}, below your alert level of {props.threshold}.
      </Text>
      <Text style={styles.text}>Restock soon so buyers can keep ordering it.</Text>
      <Section style={{ margin: "24px 0" }}>
        <Button href={props.stockUrl} style={styles.button}>
          Update stock
        </Button>
      </Section>
    </EmailLayout>
  );
}
