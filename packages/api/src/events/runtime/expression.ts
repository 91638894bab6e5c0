// The slice of Inngest's expression language that Bazaar's functions use, so the in-process
// runtime decides cancellations, event waits and debounce keys the way Inngest does:
//   keys        "event.data.stockLevelId"
//   conditions  "event.data.cartId == async.data.cartId" (what `match` compiles to), joined by "&&",
//               with '...' / "..." strings, numbers, true, false and null as literals.
// Anything else is refused when the function list is loaded, never misread at run time.

type Literal = string | number | boolean | null;
export type Operand = { kind: "path"; root: "event" | "async"; path: string[] } | { kind: "literal"; value: Literal };
export interface Comparison {
  left: Operand;
  op: "==" | "!=";
  right: Operand;
}

const PATH = /^(event|async)((?:\.[A-Za-z_][A-Za-z0-9_]*)+)$/;

function parseOperand(text: string, expression: string): Operand {
  const path = PATH.exec(text);
  if (path) return { kind: "path", root: path[1] as "event" | "async", path: (path[2] as string).slice(1).split(".") };
  if (/^'[^']*'$|^"[^"]*"$/.test(text)) return { kind: "literal", value: text.slice(1, -1) };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { kind: "literal", value: Number(text) };
  if (text === "true" || text === "false") return { kind: "literal", value: text === "true" };
  if (text === "null") return { kind: "literal", value: null };
  throw new Error(`Unsupported operand "${text}" in expression "${expression}"`);
}

/** Parses "a == b && c != d" into comparisons that must all hold. */
export function parseCondition(expression: string): Comparison[] {
  return expression.split("&&").map((part) => {
    const match = /^\s*(.+?)\s*(==|!=)\s*(.+?)\s*$/.exec(part);
    if (!match) throw new Error(`Unsupported condition "${part.trim()}" in expression "${expression}"`);
    return { left: parseOperand(match[1] as string, expression), op: match[2] as "==" | "!=", right: parseOperand(match[3] as string, expression) };
  });
}

/** Parses a key expression ("event.data.cartId") into its path below the event. */
export function parseEventPath(expression: string): string[] {
  const operand = parseOperand(expression.trim(), expression);
  if (operand.kind !== "path" || operand.root !== "event") throw new Error(`Unsupported key expression "${expression}": use event.data.<field>`);
  return operand.path;
}

export function readPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function valueOf(operand: Operand, scope: { event: unknown; async?: unknown }): unknown {
  if (operand.kind === "literal") return operand.value;
  return readPath(operand.root === "event" ? scope.event : scope.async, operand.path);
}

/** Whether every comparison holds; a missing field compares like null, as in Inngest. */
export function evaluateCondition(comparisons: readonly Comparison[], scope: { event: unknown; async?: unknown }): boolean {
  return comparisons.every(({ left, op, right }) => {
    const equal = (valueOf(left, scope) ?? null) === (valueOf(right, scope) ?? null);
    return op === "==" ? equal : !equal;
  });
}

/** The string a key expression yields for an event, as stored with debounced and singleton runs. */
export function keyOf(path: readonly string[], event: unknown): string {
  return JSON.stringify(readPath(event, path) ?? null);
}
