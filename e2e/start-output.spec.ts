import { readFileSync } from "node:fs";
import { expect } from "@playwright/test";
import { startLog } from "./support/urls";
import { test } from "./support/test";

// What a newcomer sees on a fresh start: the e2e run starts Bazaar as `npm run demo` does (fresh
// database, migrations, demo seed, three apps and the worker), keeping every line in a log file.
// Nothing in it up to "ready" should make them wonder whether something is wrong.
const WORRYING = [/\bwarn(ing)?\b/i, /deprecat/i, /⚠/, /\berror\b/i, /no signing key/i, /"level":(40|50|60)\b/, /telemetry/i];

test("a fresh start prints no warnings, errors or notices a newcomer would wonder about", () => {
  const lines = readFileSync(startLog, "utf8").split("\n");
  const ready = lines.findIndex((line) => line.includes("[bazaar] ready"));
  expect(ready, `${startLog} has the start's "ready" line`).toBeGreaterThan(0);
  const startup = lines.slice(0, ready + 1);
  expect(startup.some((line) => line.includes("[bazaar] seeding demo data"))).toBe(true);
  expect(startup.filter((line) => WORRYING.some((pattern) => pattern.test(line)))).toEqual([]);
});
