// Products in and out of spreadsheets. Export writes the columns import reads, so a seller can
// export, edit in a spreadsheet and import again. Import goes through the catalog's own
// create/update/status functions and the product form's zod schema: a CSV row is held to exactly
// the rules of the form, and each row that breaks one is reported with its line and field.
import Papa from "papaparse";
import type { PrismaClient, ProductStatus } from "@bazaar/db";
import { requireSeller, type Actor } from "../../actor";
import { isDomainError } from "../../errors";
import { centsToPriceText, MAX_PRODUCT_CSV_ROWS, parsePriceToCents } from "../../validators/seller";
import { ZProductFormSchema, type ProductForm } from "../../validators/catalog";
import { changeProductStatus, createSellerProduct, updateSellerProduct } from "./seller-products";
import type { ProductAction } from "./product-status";

export const PRODUCT_CSV_COLUMNS = ["sku", "name", "description", "category", "price", "currency", "status"] as const;
type Column = (typeof PRODUCT_CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly Column[] = ["sku", "name", "price"];

const STATUS_WORDS: Record<string, ProductStatus> = { draft: "DRAFT", active: "ACTIVE", published: "ACTIVE", archived: "ARCHIVED" };

// The actions that take a product from one status to another (the catalog allows one step at a time).
const STATUS_PATH: Record<ProductStatus, Partial<Record<ProductStatus, ProductAction[]>>> = {
  DRAFT: { ACTIVE: ["publish"], ARCHIVED: ["archive"] },
  ACTIVE: { DRAFT: ["unpublish"], ARCHIVED: ["archive"] },
  ARCHIVED: { DRAFT: ["restore"], ACTIVE: ["restore", "publish"] },
};

export interface CsvRowError {
  /** The field the message is about ("price"), or null for the row as a whole. */
  field: string | null;
  message: string;
}

export interface CsvRowReport {
  /** The line in the file where the row starts (line 1 is the header). */
  line: number;
  sku: string;
  /** What happened, or with `dryRun` what would happen. */
  outcome: "created" | "updated" | "will-create" | "will-update" | "error";
  errors: CsvRowError[];
}

export interface ProductImportReport {
  dryRun: boolean;
  rows: CsvRowReport[];
  created: number;
  updated: number;
  failed: number;
  /** Problems with the file itself (no header, a missing column); no row was imported when set. */
  fileErrors: string[];
}

// A spreadsheet guards cells that look like formulas with a leading apostrophe (our export does
// too); it is not part of the value.
const unguard = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

interface ParsedRow {
  line: number;
  cells: Partial<Record<Column, string>>;
}

/** Rows keyed by column, each with the line it starts on (quoted descriptions may span lines). */
function parseCsv(csv: string): { rows: ParsedRow[]; fileErrors: string[] } {
  const text = csv.replace(/^\uFEFF/, "");
  const result = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const [header, ...records] = result.data;
  if (!header || header.every((cell) => cell.trim() === ""))
    return { rows: [], fileErrors: ["The file has no header row. Start with: " + PRODUCT_CSV_COLUMNS.join(",")] };
  const columns = header.map((cell) => cell.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  const fileErrors = missing.length
    ? [`The header is missing the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}. Expected: ${PRODUCT_CSV_COLUMNS.join(",")}`]
    : [];
  const unknown = columns.filter((column) => column !== "" && !(PRODUCT_CSV_COLUMNS as readonly string[]).includes(column));
  if (unknown.length) fileErrors.push(`Unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}. Use only: ${PRODUCT_CSV_COLUMNS.join(",")}`);

  // Papa reports no line numbers, so they are counted from the newlines each record consumed.
  const rows: ParsedRow[] = [];
  let line = 2;
  for (const record of records) {
    const start = line;
    line += 1 + record.reduce((sum, cell) => sum + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    if (record.every((cell) => cell.trim() === "")) continue;
    const cells: Partial<Record<Column, string>> = {};
    columns.forEach((column, i) => {
      if ((PRODUCT_CSV_COLUMNS as readonly string[]).includes(column)) cells[column as Column] = unguard(record[i] ?? "");
    });
    rows.push({ line: start, cells });
  }
  if (rows.length > MAX_PRODUCT_CSV_ROWS) fileErrors.push(`The file has ${rows.length} products; import at most ${MAX_PRODUCT_CSV_ROWS} at a time.`);
  return { rows, fileErrors };
}

interface CheckedRow {
  report: CsvRowReport;
  form?: ProductForm;
  status?: ProductStatus;
}

function checkRow(row: ParsedRow, categories: Map<string, string>): CheckedRow {
  const errors: CsvRowError[] = [];
  const cell = (column: Column) => (row.cells[column] ?? "").trim();
  const sku = cell("sku");

  const priceText = cell("price");
  const priceCents = priceText === "" ? null : parsePriceToCents(priceText);
  if (priceText === "") errors.push({ field: "price", message: "Price is required, e.g. 19.99." });
  else if (priceCents === null) errors.push({ field: "price", message: `"${priceText}" is not a price; write it like 19.99.` });

  const categoryText = cell("category");
  const categoryId = categoryText ? categories.get(categoryText.toLowerCase()) : null;
  if (categoryText && !categoryId)
    errors.push({ field: "category", message: `No category "${categoryText}"; use a category's slug or name from the catalog.` });

  const statusText = cell("status").toLowerCase();
  const status = statusText ? STATUS_WORDS[statusText] : undefined;
  if (statusText && !status) errors.push({ field: "status", message: `Status "${cell("status")}" is not one of draft, active, archived.` });

  const parsed = ZProductFormSchema.safeParse({
    sku,
    name: cell("name"),
    // Descriptions keep their inner line breaks; only the ends are trimmed (by the schema).
    description: row.cells.description ?? "",
    priceCents: priceCents ?? 0,
    currency: cell("currency") || "USD",
    categoryId: categoryId ?? null,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (field === "priceCents" && priceCents === null) continue; // already said above
      errors.push({ field: field === "priceCents" ? "price" : field === "categoryId" ? "category" : field || null, message: issue.message });
    }
  }
  if (status === "ACTIVE" && priceCents === 0) errors.push({ field: "price", message: "A published product needs a price above zero." });

  const report: CsvRowReport = { line: row.line, sku, outcome: "error", errors };
  return parsed.success && errors.length === 0 ? { report, form: parsed.data, status } : { report };
}

const rowErrorOf = (error: unknown): CsvRowError => {
  if (isDomainError(error)) {
    const field = typeof error.details?.field === "string" ? error.details.field : null;
    return { field: field === "priceCents" ? "price" : field === "categoryId" ? "category" : field, message: error.message };
  }
  // An unexpected failure is reported on its row rather than failing the whole import; the
  // details go to the server log, not to the seller.
  console.error("[seller] product import row failed", error);
  return { field: null, message: "This row could not be saved because of an error on our side. Try again; if it keeps failing, contact support." };
};

/**
 * Imports products from CSV: a row whose SKU the seller already has updates that product, any
 * other row creates one (as a draft, then moved to the row's status). Rows are independent: a bad
 * row is reported and skipped, the others are saved. With `dryRun` every row is checked and
 * nothing is written. Problems with the file itself (missing columns, too many rows) stop it all.
 */
export async function importProductsCsv(db: PrismaClient, actor: Actor, input: { csv: string; dryRun?: boolean }): Promise<ProductImportReport> {
  const { sellerId } = requireSeller(actor);
  const dryRun = input.dryRun ?? false;
  const { rows, fileErrors } = parseCsv(input.csv);
  const empty = { dryRun, rows: [], created: 0, updated: 0, failed: 0 };
  if (fileErrors.length) return { ...empty, fileErrors };
  if (rows.length === 0) return { ...empty, fileErrors: ["The file has a header but no products."] };

  const categoryRows = await db.category.findMany({ select: { id: true, slug: true, name: true } });
  const categories = new Map<string, string>();
  for (const c of categoryRows) categories.set(c.name.toLowerCase(), c.id);
  for (const c of categoryRows) categories.set(c.slug.toLowerCase(), c.id); // a slug wins over a name that looks like it

  const checked = rows.map((row) => checkRow(row, categories));
  // One SKU twice in a file: which row should win is a guess, so neither is imported.
  const lines = new Map<string, number[]>();
  for (const { report } of checked) if (report.sku) lines.set(report.sku, [...(lines.get(report.sku) ?? []), report.line]);
  for (const row of checked) {
    const same = lines.get(row.report.sku) ?? [];
    if (same.length > 1) {
      row.report.errors.push({ field: "sku", message: `SKU ${row.report.sku} is on lines ${same.join(", ")}; each product may appear once.` });
      row.report.outcome = "error";
      delete row.form;
    }
  }

  const existing = new Map(
    (
      await db.product.findMany({
        where: { sellerId, sku: { in: checked.flatMap((row) => (row.form ? [row.form.sku] : [])) } },
        select: { id: true, sku: true, status: true },
      })
    ).map((p) => [p.sku, p]),
  );

  for (const row of checked) {
    if (row.form) row.report.outcome = existing.has(row.form.sku) ? "will-update" : "will-create";
  }
  if (!dryRun) {
    for (const row of checked) {
      if (!row.form) continue;
      try {
        const current = existing.get(row.form.sku);
        // `images` stays undefined: a CSV never touches a product's pictures.
        const saved = current ? await updateSellerProduct(db, actor, { ...row.form, id: current.id }) : await createSellerProduct(db, actor, row.form);
        row.report.outcome = current ? "updated" : "created";
        for (const action of row.status ? (STATUS_PATH[saved.status][row.status] ?? []) : []) {
          await changeProductStatus(db, actor, { id: saved.id, action });
        }
      } catch (error) {
        // A product created before its status change failed stays, as a draft; the report says why.
        row.report.errors.push(rowErrorOf(error));
        if (row.report.outcome.startsWith("will-")) row.report.outcome = "error";
      }
    }
  }

  const reports = checked.map((row) => row.report);
  return {
    dryRun,
    rows: reports,
    created: reports.filter((r) => r.outcome === "created").length,
    updated: reports.filter((r) => r.outcome === "updated").length,
    failed: reports.filter((r) => r.errors.length > 0).length,
    fileErrors: [],
  };
}

/** Formats rows as CSV (every line ending in CRLF); cells a spreadsheet would run as formulas are guarded. */
export function toCsv(columns: readonly string[], rows: Record<string, string | number | null>[]): string {
  const body = Papa.unparse({ fields: [...columns], data: rows.map((row) => columns.map((c) => row[c] ?? "")) }, { escapeFormulae: true, newline: "\r\n" });
  return `${body.replace(/\r\n$/, "")}\r\n`;
}

/** The seller's products in the import format. */
export async function exportProductsCsv(db: PrismaClient, actor: Actor, input: { status?: ProductStatus } = {}): Promise<string> {
  const { sellerId } = requireSeller(actor);
  const products = await db.product.findMany({
    where: { sellerId, ...(input.status ? { status: input.status } : {}) },
    select: { sku: true, name: true, description: true, priceCents: true, currency: true, status: true, category: { select: { slug: true } } },
    orderBy: [{ sku: "asc" }],
  });
  return toCsv(
    PRODUCT_CSV_COLUMNS,
    products.map((p) => ({
      sku: p.sku,
      name: p.name,
      description: p.description,
      category: p.category?.slug ?? "",
      price: centsToPriceText(p.priceCents),
      currency: p.currency,
      status: p.status.toLowerCase(),
    })),
  );
}
