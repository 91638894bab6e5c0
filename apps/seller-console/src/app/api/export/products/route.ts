import { csvDownload, today } from "~/server/csv-response";
import { api } from "~/trpc/server";

const STATUSES = ["DRAFT", "ACTIVE", "ARCHIVED"] as const;

/** The seller's products as CSV, in the format the import page reads. */
export async function GET(request: Request) {
  const status = new URL(request.url).searchParams.get("status");
  const filter = STATUSES.find((s) => s === status);
  return csvDownload(`products-${today()}.csv`, () => api.seller.exportProducts(filter ? { status: filter } : undefined));
}
