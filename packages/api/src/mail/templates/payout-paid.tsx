/** @jsxRuntime automatic */
import { Button, Section, Text } from "@react-email/components";
import { formatMoney } from "../../domain/money";
import { EmailLayout, styles } from "./layout";

export interface PayoutPaidProps {
  shopName: string;
  amountCents: number;
  currency: string;
  transferId: string;
  payoutsUrl: string;
}

export const payoutPaidSubject = (props: PayoutPaidProps) => `Payout sent: ${formatMoney(props.amountCents, props.currency)}`;

export function PayoutPaidEmail(props: PayoutPaidProps) {
  const amount = formatMoney(props.amountCents, props.currency);
  return (
    <EmailLayout preview={`${amount} is on its way to your bank`} heading={`${amount} is on its way`}>
      <Text style={styles.text}>
        {props.shopName}: we sent your payout of {amount} (transfer {props.transferId}). It usually reaches your bank account within two business days.
      </Text>
      <Section style={{ margin: "24px 0" }}>
        <Button href={props.payoutsUrl} style={styles.button}>
          See your payouts
        </Button>
      </Section>
    </EmailLayout>
  );
}
