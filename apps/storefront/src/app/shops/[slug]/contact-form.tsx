"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useActionState, useId } from "react";
import { Alert, Button } from "@bazaar/ui";
import { useVisitor } from "~/components/visitor";
import { signInHref } from "~/lib/sign-in-href";
import { contactShopAction, type ContactState } from "./actions";

/** "Contact the seller": signed-in buyers write to the shop; the page itself is the same for everyone. */
export function ContactShop({ slug, shopName }: { slug: string; shopName: string }) {
  const visitor = useVisitor();
  const pathname = usePathname();
  const [state, action, pending] = useActionState<ContactState, FormData>(contactShopAction.bind(null, slug), { status: "idle", message: "" });
  const id = useId();
  if (visitor === null) return <div className="h-10" />;
  if (!visitor.user) {
    return (
      <p className="text-sm text-slate-700">
        <Link href={signInHref(pathname)} className="font-medium text-brand-700 underline underline-offset-2">
          Sign in
        </Link>{" "}
        to send {shopName} a message.
      </p>
    );
  }
  if (state.status === "sent") {
    return (
      <Alert tone="success" title="Message sent">
        {state.message}
      </Alert>
    );
  }
  return (
    <form action={action} className="space-y-3">
      {state.status === "error" ? (
        <Alert tone="danger" title="Your message was not sent">
          {state.message}
        </Alert>
      ) : null}
      <div>
        <label htmlFor={`${id}-subject`} className="block text-sm font-medium text-slate-700">
          Subject
        </label>
        <input
          id={`${id}-subject`}
          name="subject"
          required
          maxLength={120}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </div>
      <div>
        <label htmlFor={`${id}-message`} className="block text-sm font-medium text-slate-700">
          Message
        </label>
        <textarea
          id={`${id}-message`}
          name="message"
          required
          minLength={10}
          maxLength={2000}
          rows={4}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <p className="mt-1 text-xs text-slate-600">The shop replies to {visitor.user.email}.</p>
      </div>
      <Button type="submit" pending={pending}>
        Send message
      </Button>
    </form>
  );
}
