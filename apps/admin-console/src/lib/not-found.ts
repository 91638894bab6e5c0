import { notFound } from "next/navigation";

/** A record the URL names but the API cannot find is the page's 404, not a server error. */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if ((error as { code?: string }).code === "NOT_FOUND") notFound();
    throw error;
  }
}
