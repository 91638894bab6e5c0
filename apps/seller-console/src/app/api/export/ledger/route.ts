import { csvDownload, today } from "~/server/csv-response";
import { api } from "~/trpc/server";

/** The seller's payable account, every entry with the running balance, as CSV. */
export async function GET(request: Request) {
  const currency = new URL(request.url).searchParams.get("currency")?.toUpperCase();
  const valid = currency && /^[A-Z]{3}$/.test(currency) ? currency : undefined;
  return csvDownload(`ledger-${valid ?? "USD"}-${today()}.csv`, () => api.seller.exportLedger(valid ? { currency: valid } : undefined));
}
