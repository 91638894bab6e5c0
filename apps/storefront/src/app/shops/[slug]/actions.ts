"use server";

import { TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import { createCaller, createContext } from "@bazaar/api/server";
import { requestIdentity } from "~/server/identity";

export interface ContactState {
  status: "idle" | "sent" | "error";
  message: string;
}

/** "Contact the seller": the shop's slug, a subject and a message, checked and limited by the API. */
export async function contactShopAction(slug: string, _previous: ContactState, form: FormData): Promise<ContactState> {
  const identity = await requestIdentity();
  const api = createCaller(() => createContext(identity));
  try {
    const sent = await api.shops.contact({ slug, subject: String(form.get("subject") ?? ""), message: String(form.get("message") ?? "") });
    return { status: "sent", message: `Your message is on its way to ${sent.shopName}. They will reply to your email address.` };
  } catch (error) {
    if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
      const fields: Record<string, string[] | undefined> = error.cause instanceof ZodError ? z.flattenError(error.cause).fieldErrors : {};
      const first = Object.values(fields).flat().find(Boolean);
      return { status: "error", message: first ?? error.message };
    }
    throw error;
  }
}
