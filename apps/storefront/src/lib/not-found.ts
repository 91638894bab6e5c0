import { TRPCError } from "@trpc/server";

/** True for the API's "this does not exist (for you)" answer, which a page turns into a 404. */
export const isNotFound = (error: unknown) => error instanceof TRPCError && error.code === "NOT_FOUND";

/** True for a bad input (an edited URL, a stale page cursor). */
export const isBadRequest = (error: unknown) => error instanceof TRPCError && error.code === "BAD_REQUEST";
