import type { Tx } from "@bazaar/db";
import { eventSchemas, type EventName, type EventPayload } from "./catalog";

/**
 * Records a domain event in the outbox inside the caller's transaction: the event exists
 * exactly when the change it describes was committed. The relay delivers it afterwards.
 */
export async function publish<N extends EventName>(tx: Tx, name: N, payload: EventPayload<N>, options: { delayMs?: number } = {}) {
  const data = eventSchemas[name].parse(payload);
  return tx.outboxEvent.create({
    data: {
      name,
      payload: data,
      availableAt: options.delayMs ? new Date(Date.now() + options.delayMs) : undefined,
    },
    select: { id: true },
  });
}
