import type { Tx } from "@bazaar/db";
import { expireStorefrontOnCommit, storefrontChangeOf } from "../domain/catalog/cache-tags";
import { eventSchemas, type EventName, type EventPayload } from "./catalog";

/**
 * Records a domain event in the outbox inside the caller's transaction: the event exists
 * exactly when the change it describes was committed. The relay delivers it afterwards.
 * An event that alters public pages also expires them as soon as the transaction commits
 * (the storefront's cached pages must not wait for the relay).
 */
export async function publish<N extends EventName>(tx: Tx, name: N, payload: EventPayload<N>, options: { delayMs?: number } = {}) {
  const data = eventSchemas[name].parse(payload) as EventPayload<N>;
  const change = storefrontChangeOf(name, data);
  if (change) expireStorefrontOnCommit(tx, change);
  return tx.outboxEvent.create({
    data: {
      name,
      payload: data,
      availableAt: options.delayMs ? new Date(Date.now() + options.delayMs) : undefined,
    },
    select: { id: true },
  });
}
