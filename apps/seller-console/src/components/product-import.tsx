"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import type { RouterOutputs } from "@bazaar/api";
import { MAX_PRODUCT_CSV_BYTES } from "@bazaar/api/validators";
import { Alert, Badge, Button, Card, CardBody, Table, TBody, Td, Th, THead, type BadgeTone } from "@bazaar/ui";
import { errorMessage } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";

type Report = RouterOutputs["seller"]["importProducts"];
type Outcome = Report["rows"][number]["outcome"];

const outcomeLabel: Record<Outcome, [string, BadgeTone]> = {
  created: ["Created", "success"],
  updated: ["Updated", "success"],
  "will-create": ["Will create", "info"],
  "will-update": ["Will update", "info"],
  error: ["Error", "danger"],
};

const csvCell = (value: string | number) => (/[",\r\n]/.test(String(value)) ? `"${String(value).replaceAll('"', '""')}"` : String(value));

/** The rows with errors as a CSV the seller can open next to their file. */
function errorReportCsv(report: Report): string {
  const lines = [["line", "sku", "field", "error"].join(",")];
  for (const row of report.rows) for (const e of row.errors) lines.push([row.line, row.sku, e.field ?? "", e.message].map(csvCell).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** Pick a file, check it (nothing is saved), then import it; every row's outcome and errors are listed. */
export function ProductImport() {
  const trpc = useTRPC();
  const inputId = useId();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const run = useMutation(trpc.seller.importProducts.mutationOptions());
  const report = run.data;

  async function choose(chosen: File | undefined) {
    run.reset();
    setFile(null);
    setFileError(null);
    if (!chosen) return;
    if (chosen.size > MAX_PRODUCT_CSV_BYTES)
      return setFileError(`${chosen.name} is over ${MAX_PRODUCT_CSV_BYTES / 1024 / 1024} MB; split it into smaller files.`);
    const text = await chosen.text();
    setFile({ name: chosen.name, text });
    run.mutate({ csv: text, dryRun: true });
  }

  const okRows = report ? report.rows.filter((r) => r.errors.length === 0).length : 0;
  const errorRows = report ? report.rows.filter((r) => r.errors.length > 0) : [];
  const downloadErrors = report && errorRows.length > 0 ? `data:text/csv;charset=utf-8,${encodeURIComponent(errorReportCsv(report))}` : null;

  return (
    <div className="space-y-4">
      <Card>
        <CardBody className="space-y-3">
          <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
            CSV file
          </label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-brand-600 file:px-3 file:py-2 file:text-sm file:font-medium file:text-white hover:file:bg-brand-700"
            onChange={(event) => void choose(event.target.files?.[0])}
          />
          <p className="text-xs text-slate-500">We check every row first and show what would happen; nothing is saved until you confirm.</p>
        </CardBody>
      </Card>

      {fileError ? <Alert tone="danger">{fileError}</Alert> : null}
      {run.isPending ? (
        <p role="status" className="text-sm text-slate-600">
          {run.variables?.dryRun ? "Checking" : "Importing"} {file?.name}…
        </p>
      ) : null}
      {run.error ? <Alert tone="danger">{errorMessage(run.error)}</Alert> : null}

      {report && report.fileErrors.length > 0 ? (
        <Alert tone="danger" title="This file cannot be imported">
          <ul className="list-disc space-y-1 pl-5">
            {report.fileErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      {report && report.fileErrors.length === 0 ? (
        <div className="space-y-4" data-testid="import-report">
          {report.dryRun ? (
            <Alert
              tone={errorRows.length ? "warning" : "info"}
              title={`Checked ${report.rows.length} ${report.rows.length === 1 ? "row" : "rows"} of ${file?.name ?? "the file"}`}
            >
              {okRows} ready to import
              {errorRows.length
                ? `; ${errorRows.length} with errors will be skipped. Fix them in your file and choose it again, or import the others now.`
                : "."}
            </Alert>
          ) : (
            <Alert tone={report.failed ? "warning" : "success"} title="Import finished">
              {report.created} created, {report.updated} updated{report.failed ? `, ${report.failed} not imported (see below)` : ""}.{" "}
              <Link href="/products" className="font-medium underline">
                See your products
              </Link>
            </Alert>
          )}
          <div className="flex flex-wrap gap-3">
            {report.dryRun && okRows > 0 && file ? (
              <Button onClick={() => run.mutate({ csv: file.text, dryRun: false })} pending={run.isPending}>
                Import {okRows} {okRows === 1 ? "product" : "products"}
              </Button>
            ) : null}
            {downloadErrors ? (
              <a
                href={downloadErrors}
                download="import-errors.csv"
                className="inline-flex h-10 items-center rounded-md px-4 text-sm font-medium text-brand-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
              >
                Download error report
              </a>
            ) : null}
          </div>
          <Table caption="Rows of the file and what happens to each">
            <THead>
              <tr>
                <Th>Line</Th>
                <Th>SKU</Th>
                <Th>Result</Th>
                <Th>Problems</Th>
              </tr>
            </THead>
            <TBody>
              {report.rows.map((row) => {
                const [label, tone] = outcomeLabel[row.outcome];
                return (
                  <tr key={row.line} data-testid="import-row">
                    <Td className="tabular-nums">{row.line}</Td>
                    <Td className="font-mono text-xs">{row.sku || <span className="text-slate-400">(none)</span>}</Td>
                    <Td>
                      <Badge tone={row.errors.length && row.outcome !== "error" ? "warning" : tone}>{label}</Badge>
                    </Td>
                    <Td className="min-w-64">
                      {row.errors.length === 0 ? (
                        <span className="text-slate-400">—</span>
                      ) : (
                        <ul className="space-y-1 text-red-800">
                          {row.errors.map((e) => (
                            <li key={`${e.field}:${e.message}`}>
                              {e.field ? <span className="font-medium">{e.field}: </span> : null}
                              {e.message}
                            </li>
                          ))}
                        </ul>
                      )}
                    </Td>
                  </tr>
                );
              })}
            </TBody>
          </Table>
        </div>
      ) : null}
    </div>
  );
}
