/** @jsxRuntime automatic */
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

// One plain template for the money lifecycle's messages (refunds, cancellations, return steps,
// disputes, seller decisions, payouts coming back): a heading, a few paragraphs, optional lines
// (the items a refund is for), one button. Each sender writes its own words.

export interface NoticeProps {
  subject: string;
  heading: string;
  paragraphs: string[];
  /** e.g. "1 × Blue mug — $12.00" */
  lines?: string[];
  action?: { label: string; url: string };
}

export const noticeSubject = (props: NoticeProps) => props.subject;

export function NoticeEmail(props: NoticeProps) {
  return (
    <EmailLayout preview={props.paragraphs[0] ?? props.heading} heading={props.heading}>
      {props.paragraphs.map((p, i) => (
        <Text key={i} style={styles.text}>
          {p}
        </Text>
      ))}
      {props.lines && props.lines.length > 0 ? (
        <Section>
          {props.lines.map((line, i) => (
            <Text key={i} style={{ ...styles.text, margin: "4px 0" }}>
              {line}
            </Text>
          ))}
        </Section>
      ) : null}
      {props.action ? (
        <Section style={{ margin: "24px 0" }}>
          <Button href={props.action.url} style={styles.button}>
            {props.action.label}
          </Button>
        </Section>
      ) : null}
    </EmailLayout>
  );
}
