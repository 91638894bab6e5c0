import type { ReturnStatus } from "@bazaar/db/enums";

/** The return's state machine as a table: who moves it where. */
export const RETURN_TRANSITIONS: Record<ReturnStatus, readonly ReturnStatus[]> = {
  REQUESTED: ["APPROVED", "REJECTED", "CANCELLED"],
  // The seller may receive a parcel the buyer never marked as sent.
  APPROVED: ["SENT", "RECEIVED", "CANCELLED"],
  SENT: ["RECEIVED"],
  REJECTED: [],
  RECEIVED: [],
  CANCELLED: [],
};

/** A return still counting against the units that may be returned. */
export const OPEN_RETURN_STATUSES: readonly ReturnStatus[] = ["REQUESTED", "APPROVED", "SENT"];

export const canMoveReturn = (from: ReturnStatus, to: ReturnStatus) => RETURN_TRANSITIONS[from].includes(to);

export const RETURN_STATUS_LABEL: Record<ReturnStatus, string> = {
  REQUESTED: "Requested",
  APPROVED: "Approved: send it back",
  REJECTED: "Rejected",
  SENT: "On its way back",
  RECEIVED: "Received and refunded",
  CANCELLED: "Cancelled",
};
