/** @jsxRuntime automatic */
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export interface BackInStockProps {
  buyerName: string;
  /** "Summit Hoodie — M / Blue" when they saved a variant. */
  productName: string;
  shopName: string;
  price: string;
  productUrl: string;
  wishlistUrl: string;
}

export const backInStockSubject = (props: BackInStockProps) => `Back in stock: ${props.productName}`;

export function BackInStockEmail(props: BackInStockProps) {
  return (
    <EmailLayout preview={`${props.productName} is back in stock`} heading={`${props.productName} is back`}>
      <Text style={styles.text}>
        Good news, {props.buyerName}: {props.productName} from {props.shopName}, which you saved to your wishlist, is back in stock at {props.price}.
      </Text>
      <Text style={styles.text}>Stock can go quickly after a restock, so have a look soon.</Text>
      <Section style={{ margin: "24px 0" }}>
        <Button href={props.productUrl} style={styles.button}>
          See the product
        </Button>
      </Section>
      <Text style={styles.muted}>
        You get this once per restock for products on your <a href={props.wishlistUrl}>wishlist</a>. Remove it there to stop hearing about it.
      </Text>
    </EmailLayout>
  );
}
