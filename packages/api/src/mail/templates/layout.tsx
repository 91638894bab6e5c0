/** @jsxRuntime automatic */
import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

// One frame for every Bazaar email: inline styles only, since mail clients drop stylesheets.
export const styles = {
  body: { backgroundColor: "#f5f5f4", fontFamily: "-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif", margin: 0 },
  container: { backgroundColor: "#ffffff", margin: "24px auto", padding: "32px", maxWidth: "560px", borderRadius: "8px" },
  brand: { color: "#b45309", fontSize: "14px", fontWeight: 700, letterSpacing: "0.08em", margin: "0 0 16px" },
  heading: { color: "#1c1917", fontSize: "22px", margin: "0 0 16px" },
  text: { color: "#292524", fontSize: "15px", lineHeight: "24px", margin: "0 0 12px" },
  muted: { color: "#78716c", fontSize: "13px", lineHeight: "20px", margin: "0" },
  button: { backgroundColor: "#1c1917", borderRadius: "6px", color: "#ffffff", fontSize: "15px", padding: "12px 20px", textDecoration: "none" },
  cell: { color: "#292524", fontSize: "14px", padding: "4px 0" },
  amount: { color: "#292524", fontSize: "14px", padding: "4px 0", textAlign: "right" as const },
  totalLabel: { borderTop: "1px solid #e7e5e4", color: "#1c1917", fontSize: "15px", fontWeight: 700, padding: "8px 0 0" },
  totalAmount: { borderTop: "1px solid #e7e5e4", color: "#1c1917", fontSize: "15px", fontWeight: 700, padding: "8px 0 0", textAlign: "right" as const },
};

export function EmailLayout({ preview, heading, children }: { preview: string; heading: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>BAZAAR</Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          <Section>{children}</Section>
          <Hr />
          <Text style={styles.muted}>You are receiving this email because of your Bazaar account.</Text>
        </Container>
      </Body>
    </Html>
  );
}
