// One table for the whole run: each figure, its target where the issue sets one, and pass/miss.

export interface Row {
  section: string;
  figure: string;
  value: string;
  target?: string;
  /** undefined: no target (a reference figure). */
  pass?: boolean;
  /** A correctness check (consistency, oversell): a miss here is breakage, not slowness. */
  correctness?: boolean;
}

export const atLeast = (value: number, min: number, unit = "") => ({ target: `>= ${min.toLocaleString("en-US")}${unit}`, pass: value >= min });
export const below = (value: number, max: number, unit = "") => ({ target: `< ${max.toLocaleString("en-US")}${unit}`, pass: value < max });
export const atMost = (value: number, max: number, unit = "") => ({ target: `<= ${max.toLocaleString("en-US")}${unit}`, pass: value <= max });
export const exactly = (value: number, expected: number) => ({ target: `= ${expected}`, pass: value === expected, correctness: true });

export const fmt = (value: number, unit = "") => `${value.toLocaleString("en-US", { maximumFractionDigits: 1 })}${unit}`;

export function renderTable(rows: readonly Row[]): string {
  const header = ["", "figure", "value", "target", ""];
  const body = rows.map((row) => [row.section, row.figure, row.value, row.target ?? "", row.pass === undefined ? "" : row.pass ? "pass" : "MISS"]);
  // Repeat a section's name only on its first row.
  for (let i = body.length - 1; i > 0; i--) if (body[i]?.[0] === body[i - 1]?.[0]) (body[i] as string[])[0] = "";
  const widths = header.map((_, column) => Math.max(header[column]?.length ?? 0, ...body.map((cells) => cells[column]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 2 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...body.map(line)].join("\n");
}
