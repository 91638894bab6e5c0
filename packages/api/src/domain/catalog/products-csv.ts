// Products in and out of spreadsheets, one row per variant (as Shopify's and Medusa's files are).
// Rows with the same product_sku are one product; their option columns name the variant ("Size"
// "M", "Colour" "Blue"). A product without options is one row whose product_sku is empty or its
// own SKU. Export writes the columns import reads, so a seller can export, edit in a spreadsheet
// and import again. Import goes through the catalog's own create/update/status/variant functions
// and their zod schemas: a CSV row is held to exactly the rules of the forms, and each row that
// breaks one is reported with its line and field.
import Papa from "papaparse";
import type { PrismaClient, ProductStatus } from "@bazaar/db";
import { requireSeller, type Actor } from "../../actor";
import { isDomainError } from "../../errors";
import { centsToPriceText, MAX_PRODUCT_CSV_ROWS, parsePriceToCents } from "../../validators/seller";
import { ZProductFormSchema, type ProductForm } from "../../validators/catalog";
import { MAX_OPTIONS, variantProblems, type ProductOptionInput, type VariantInput } from "../../validators/variants";
import { changeProductStatus, createSellerProduct, updateSellerProduct } from "./seller-products";
import type { ProductAction } from "./product-status";
import { saveProductVariants } from "./variants";

export const PRODUCT_CSV_COLUMNS = [
  "product_sku",
  "sku",
  "name",
  "description",
  "category",
  "price",
  "compare_at_price",
  "currency",
  "status",
  "option1_name",
  "option1_value",
  "option2_name",
  "option2_value",
  "option3_name",
  "option3_value",
] as const;
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
  if (rows.length > MAX_PRODUCT_CSV_ROWS) fileErrors.push(`The file has ${rows.length} rows; import at most ${MAX_PRODUCT_CSV_ROWS} at a time.`);
  return { rows, fileErrors };
}

interface CheckedRow {
  report: CsvRowReport;
  /** The product this row is a variant of. */
  productSku: string;
  options: { name: string; value: string }[];
  compareAtPriceCents: number | null;
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

  const options: { name: string; value: string }[] = [];
  for (let i = 1; i <= MAX_OPTIONS; i++) {
    const name = cell(`option${i}_name` as Column);
    const value = cell(`option${i}_value` as Column);
    if (!name && !value) continue;
    if (!name || !value) errors.push({ field: `option${i}_${name ? "value" : "name"}`, message: `Option ${i} needs both a name and a value (e.g. Size, M).` });
    else if (options.length !== i - 1) errors.push({ field: `option${i}_name`, message: `Fill option ${i - 1} before option ${i}.` });
    else options.push({ name, value });
  }
  const compareText = cell("compare_at_price");
  const compareAtPriceCents = compareText === "" ? null : parsePriceToCents(compareText);
  if (compareText !== "" && compareAtPriceCents === null)
    errors.push({ field: "compare_at_price", message: `"${compareText}" is not a price; write it like 24.99 or leave it empty.` });

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
  const common = { report, productSku: cell("product_sku") || sku, options, compareAtPriceCents };
  return parsed.success && errors.length === 0 ? { ...common, form: parsed.data, status } : common;
}

/** A product's rows: its fields come from the first row; with options, every row is one of its variants. */
interface ProductGroup {
  productSku: string;
  rows: CheckedRow[];
  options: ProductOptionInput[];
  variants: VariantInput[];
}

/** Groups rows by product and checks that they describe one product consistently; a group's problem is reported on each of its rows. */
function groupRows(checked: CheckedRow[]): ProductGroup[] {
  const groups = new Map<string, CheckedRow[]>();
  for (const row of checked) groups.set(row.productSku, [...(groups.get(row.productSku) ?? []), row]);
  const result: ProductGroup[] = [];
  for (const [productSku, rows] of groups) {
    const fail = (message: string, field: string | null = null) => {
      for (const row of rows) {
        row.report.errors.push({ field, message });
        delete row.form;
      }
    };
    const names = rows[0]!.options.map((option) => option.name);
    if (rows.some((row) => row.options.map((option) => option.name).join("\u0000") !== names.join("\u0000"))) {
      fail(`The rows of product ${productSku} must name the same options in the same order (${names.join(", ") || "none"}).`, "option1_name");
      continue;
    }
    if (names.length === 0 && rows.length > 1) {
      // Rows sharing one SKU have been told so already.
      if (rows.some((row) => row.form))
        fail(`Product ${productSku} is on lines ${rows.map((row) => row.report.line).join(", ")}; a product without options is one row.`, "sku");
      continue;
    }
    if (rows.some((row) => !row.form)) {
      // One bad row makes its whole product wait: importing part of a matrix would drop the rest.
      for (const row of rows)
        if (row.form && row.report.errors.length === 0) fail(`Another row of product ${productSku} has errors; fix it to import this product.`);
      continue;
    }
    const options = names.map((name, i) => ({ name, values: [...new Set(rows.map((row) => row.options[i]!.value))] }));
    const variants = rows.map((row): VariantInput => ({
      sku: row.form!.sku,
      optionValues: row.options.map((option) => option.value),
      priceCents: row.form!.priceCents,
      compareAtPriceCents: row.compareAtPriceCents,
      status: "ACTIVE",
    }));
    const problems = names.length ? variantProblems({ options, variants }) : [];
    if (problems.length) {
      fail(problems[0]!, "option1_value");
      continue;
    }
    result.push({ productSku, rows, options, variants });
  }
  return result;
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
      row.report.errors.push({ field: "sku", message: `SKU ${row.report.sku} is on lines ${same.join(", ")}; each SKU may appear once.` });
      row.report.outcome = "error";
      delete row.form;
    }
  }
  const groups = groupRows(checked);

  const existing = new Map(
    (
      await db.product.findMany({
        where: { sellerId, sku: { in: groups.map((group) => group.productSku) } },
        select: { id: true, sku: true, status: true, variants: { select: { id: true, sku: true } } },
      })
    ).map((p) => [p.sku, p]),
  );

  for (const group of groups) for (const row of group.rows) row.report.outcome = existing.has(group.productSku) ? "will-update" : "will-create";
  if (!dryRun) {
    for (const group of groups) {
      const first = group.rows[0]!;
      try {
        const current = existing.get(group.productSku);
        // The product's own fields; with options its SKU is the product SKU and its price the lowest.
        const form: ProductForm = group.options.length
          ? { ...first.form!, sku: group.productSku, priceCents: Math.min(...group.variants.map((variant) => variant.priceCents)) }
          : { ...first.form!, sku: group.productSku };
        // `images` stays undefined: a CSV never touches a product's pictures.
        const saved = current ? await updateSellerProduct(db, actor, { ...form, id: current.id }) : await createSellerProduct(db, actor, form);
        if (group.options.length) {
          const known = new Map((current?.variants ?? []).map((variant) => [variant.sku, variant.id]));
          await saveProductVariants(db, actor, {
            productId: saved.id,
            options: group.options,
            variants: group.variants.map((variant) => ({ ...variant, id: known.get(variant.sku) })),
          });
        }
        for (const row of group.rows) row.report.outcome = current ? "updated" : "created";
        for (const action of first.status ? (STATUS_PATH[saved.status][first.status] ?? []) : []) {
          await changeProductStatus(db, actor, { id: saved.id, action });
        }
      } catch (error) {
        // A product created before its variants or status change failed stays, as a draft; the report says why.
        const problem = rowErrorOf(error);
        for (const row of group.rows) {
          row.report.errors.push(problem);
          if (row.report.outcome.startsWith("will-")) row.report.outcome = "error";
        }
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

/** The seller's products in the import format, one row per active variant. */
export async function exportProductsCsv(db: PrismaClient, actor: Actor, input: { status?: ProductStatus } = {}): Promise<string> {
  const { sellerId } = requireSeller(actor);
  const products = await db.product.findMany({
    where: { sellerId, ...(input.status ? { status: input.status } : {}) },
    select: {
      sku: true,
      name: true,
      description: true,
      currency: true,
      status: true,
      category: { select: { slug: true } },
      options: { select: { name: true }, orderBy: { position: "asc" } },
      variants: {
        where: { status: "ACTIVE" },
        select: { sku: true, optionValues: true, priceCents: true, compareAtPriceCents: true },
        orderBy: [{ position: "asc" }, { id: "asc" }],
      },
    },
    orderBy: [{ sku: "asc" }],
  });
  return toCsv(
    PRODUCT_CSV_COLUMNS,
    products.flatMap((p) =>
      p.variants.map((variant) => ({
        product_sku: p.options.length ? p.sku : "",
        sku: variant.sku,
        name: p.name,
        description: p.description,
        category: p.category?.slug ?? "",
        price: centsToPriceText(variant.priceCents),
        compare_at_price: variant.compareAtPriceCents === null ? "" : centsToPriceText(variant.compareAtPriceCents),
        currency: p.currency,
        status: p.status.toLowerCase(),
        ...Object.fromEntries(
          p.options.flatMap((option, i) => [
            [`option${i + 1}_name`, option.name],
            [`option${i + 1}_value`, variant.optionValues[i] ?? ""],
          ]),
        ),
      })),
    ),
  );
}
