/** @jsxRuntime automatic */
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export interface TierChangedProps {
  buyerName: string;
  tierName: string;
  /** Up a tier, down one (the 12-month spend fell), or set by Bazaar's team. */
  direction: "up" | "down" | "set";
  /** "3% off every item", "x1.25 points", "Free shipping over $35.00". */
  benefits: string[];
  /** What still counts towards the next tier, e.g. "Spend $620.00 more in 12 months to reach Gold." */
  progress: string | null;
  rewardsUrl: string;
}

export const tierChangedSubject = (props: TierChangedProps) =>
  props.direction === "up" ? `Welcome to ${props.tierName}` : `Your Bazaar tier is now ${props.tierName}`;

export function TierChangedEmail(props: TierChangedProps) {
  const opening =
    props.direction === "up"
      ? `Congratulations ${props.buyerName}: your purchases over the last 12 months moved you up to ${props.tierName}.`
      : props.direction === "down"
        ? `Hi ${props.buyerName}, your tier is now ${props.tierName}: tiers follow what you bought over the last 12 months.`
        : `Hi ${props.buyerName}, the Bazaar team set your tier to ${props.tierName}.`;
  return (
    <EmailLayout preview={opening} heading={`You are ${props.tierName}`}>
      <Text style={styles.text}>{opening}</Text>
      {props.benefits.length > 0 ? (
        <Section>
          <Text style={styles.text}>What {props.tierName} gives you on every order:</Text>
          {props.benefits.map((benefit, i) => (
            <Text key={i} style={{ ...styles.text, margin: "4px 0" }}>
              • {benefit}
            </Text>
          ))}
        </Section>
      ) : null}
      {props.progress ? <Text style={styles.muted}>{props.progress}</Text> : null}
      <Section style={{ margin: "24px 0" }}>
        <Button href={props.rewardsUrl} style={styles.button}>
          See your rewards
        </Button>
      </Section>
    </EmailLayout>
  );
}
