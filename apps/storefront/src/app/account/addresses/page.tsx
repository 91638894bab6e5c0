import type { Metadata } from "next";
import { requireSignIn } from "~/server/session";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { AddressBook } from "./address-book";

export const metadata: Metadata = { title: "Addresses" };

export default async function AddressesPage() {
  await requireSignIn("/account/addresses");
  await prefetch(trpc.address.list.queryOptions());
  return (
    <HydrateClient>
      <AddressBook />
    </HydrateClient>
  );
}
