import type { Metadata } from "next";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { Alert, AuthPanel } from "@bazaar/ui";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Confirm your email" };

/** The link of the verify-email mail lands here; the token is spent on the first visit. */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const outcome =
    typeof token === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(token)
      ? await api.account.verifyEmail({ token }).then(
          ({ email }) => ({ ok: true as const, email }),
          (error: unknown) => {
            // The link's own fault (used, expired): say so; anything else is ours.
            if (error instanceof TRPCError && error.code === "BAD_REQUEST") return { ok: false as const, message: error.message };
            throw error;
          },
        )
      : { ok: false as const, message: "This link is incomplete." };
  return (
    <AuthPanel title="Confirm your email">
      {outcome.ok ? (
        <Alert tone="success" title="Email confirmed">
          {outcome.email} is confirmed. <Link href="/">Go shopping</Link>.
        </Alert>
      ) : (
        <Alert tone="warning" title="We could not confirm your email">
          {outcome.message} Sign in and ask for a new link from your account or the seller console.
        </Alert>
      )}
    </AuthPanel>
  );
}
