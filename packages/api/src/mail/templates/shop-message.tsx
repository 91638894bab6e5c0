/** @jsxRuntime automatic */
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export interface ShopMessageProps {
  shopName: string;
  /** "Ada Lovelace (ada@example.com)": the buyer to reply to. */
  from: string;
  subject: string;
  message: string;
  notificationsUrl: string;
}

export const shopMessageSubject = (props: ShopMessageProps) => `Message for ${props.shopName}: ${props.subject}`;

export function ShopMessageEmail(props: ShopMessageProps) {
  return (
    <EmailLayout preview={`${props.from} wrote to ${props.shopName}`} heading={`A buyer wrote to ${props.shopName}`}>
      <Text style={styles.text}>
        From {props.from}, about “{props.subject}”:
      </Text>
      <Text style={{ ...styles.text, whiteSpace: "pre-line", borderLeft: "3px solid #e7e5e4", paddingLeft: "12px" }}>{props.message}</Text>
      <Text style={styles.text}>Reply to the buyer at the address above.</Text>
      <Section style={{ margin: "24px 0" }}>
        <Button href={props.notificationsUrl} style={styles.button}>
          Open your notifications
        </Button>
      </Section>
    </EmailLayout>
  );
}
