/** @jsxRuntime automatic */
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

// The two account emails that carry a single-use link: confirm an email address, reset a password.

export interface VerifyEmailProps {
  name: string | null;
  verifyUrl: string;
  /** Sellers learn why it matters: a shop is approved only once its email is confirmed. */
  seller: boolean;
}

export const verifyEmailSubject = () => "Confirm your email address";

export function VerifyEmailEmail(props: VerifyEmailProps) {
  return (
    <EmailLayout preview="Confirm your email address for Bazaar" heading="Confirm your email address">
      <Text style={styles.text}>
        {props.name ? `Hi ${props.name}, p` : "P"}lease confirm that this address is yours.{" "}
        {props.seller ? "Your shop can be approved only once it is confirmed." : "Order updates and receipts will come here."}
      </Text>
      <Section style={{ margin: "24px 0" }}>
        <Button href={props.verifyUrl} style={styles.button}>
          Confirm my email
        </Button>
      </Section>
      <Text style={styles.text}>The link works once, for 7 days. If you did not create a Bazaar account, ignore this email.</Text>
    </EmailLayout>
  );
}

export interface PasswordResetProps {
  name: string | null;
  resetUrl: string;
}

export const passwordResetSubject = () => "Reset your Bazaar password";

export function PasswordResetEmail(props: PasswordResetProps) {
  return (
    <EmailLayout preview="A link to choose a new password" heading="Reset your password">
      <Text style={styles.text}>{props.name ? `Hi ${props.name}, s` : "S"}omeone (we hope you) asked to reset the password of this Bazaar account.</Text>
      <Section style={{ margin: "24px 0" }}>
        <Button href={props.resetUrl} style={styles.button}>
          Choose a new password
        </Button>
      </Section>
      <Text style={styles.text}>The link works once, for 1 hour. If you did not ask, ignore this email: your password stays as it is.</Text>
    </EmailLayout>
  );
}
