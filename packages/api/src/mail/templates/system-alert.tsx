/** @jsxRuntime automatic */
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export interface SystemAlertProps {
  change: "opened" | "resolved";
  label: string;
  message: string;
  describe: string;
  value: string;
  peak: string;
  threshold: string;
  openedAt: string;
  resolvedAt: string | null;
  healthUrl: string;
}

export const systemAlertSubject = (props: SystemAlertProps) =>
  props.change === "opened" ? `[Bazaar alert] ${props.label}: ${props.value}` : `[Bazaar resolved] ${props.label} is back to normal`;

export function SystemAlertEmail(props: SystemAlertProps) {
  const opened = props.change === "opened";
  return (
    <EmailLayout
      preview={opened ? props.message : `${props.label} is back within its threshold`}
      heading={opened ? `Alert: ${props.label}` : `Resolved: ${props.label}`}
    >
      <Text style={styles.text}>
        {opened ? props.message : `${props.label} is back within its threshold (${props.threshold}); the worst seen was ${props.peak}.`}
      </Text>
      <Text style={styles.text}>
        Rule: {props.describe}. Opened {props.openedAt}
        {props.resolvedAt ? `, resolved ${props.resolvedAt}` : ""} (UTC).
      </Text>
      <Section style={{ margin: "24px 0" }}>
        <Button href={props.healthUrl} style={styles.button}>
          Open System health
        </Button>
      </Section>
    </EmailLayout>
  );
}
