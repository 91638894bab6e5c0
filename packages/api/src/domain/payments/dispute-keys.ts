/** The ledger transactions of a dispute: opened (the amount held), closed (released or lost). */
export const disputeOpenKey = (disputeId: string) => `dispute-open:${disputeId}`;
export const disputeCloseKey = (disputeId: string) => `dispute-close:${disputeId}`;
