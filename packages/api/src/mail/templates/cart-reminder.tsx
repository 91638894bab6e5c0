/** @jsxRuntime automatic */
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";
import { LineItems, type EmailLine } from "./line-items";

export interface CartReminderProps {
  buyerName: string;
  cartUrl: string;
  currency: string;
  lines: EmailLine[];
  subtotalCents: number;
}

export const cartReminderSubject = () => "You left something in your Bazaar cart";

export function CartReminderEmail(props: CartReminderProps) {
  return (
    <EmailLayout preview="Your cart is waiting for you" heading={`Still thinking it over, ${props.buyerName}?`}>
      <Text style={styles.text}>Your cart is saved. Items are not held for long, so check out while they are in stock.</Text>
      <LineItems lines={props.lines} totals={[{ label: "Subtotal", cents: props.subtotalCents }]} currency={props.currency} />
      <Section style={{ margin: "24px 0" }}>
        <Button href={props.cartUrl} style={styles.button}>
          Back to your cart
        </Button>
      </Section>
    </EmailLayout>
  );
}
