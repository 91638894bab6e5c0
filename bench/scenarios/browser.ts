// Pages as a person gets them: headless Chromium, a cold cache per load, on localhost (so the
// figures are the pages' own cost, not a network's). Per page: the JavaScript it downloads
// (gzip), largest contentful paint, and total blocking time (the part of each long main-thread
// task beyond 50 ms, from first contentful paint to the end of the load).
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { round } from "../lib/stats";

export interface PageFigures {
  path: string;
  status: number;
  scripts: number;
  jsGzipKb: number;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
}

export interface BrowserPage {
  name: string;
  path: string;
  /** Cookies (name=value) the page needs: the cart is a signed-in buyer's. */
  cookie?: string;
}

// Chromium looks up Google hosts on its own; these flags keep it quiet and offline (as playwright.config.ts).
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
];

// Installed before any of the page's scripts, so no entry is missed.
const OBSERVE = `(() => {
  const seen = { lcp: 0, fcp: 0, longTasks: [] };
  window.__bench = seen;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) seen.lcp = e.renderTime || e.loadTime || e.startTime; })
    .observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.name === "first-contentful-paint") seen.fcp = e.startTime; })
    .observe({ type: "paint", buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) seen.longTasks.push([e.startTime, e.duration]); })
    .observe({ type: "longtask", buffered: true });
})();`;

interface Observed {
  lcp: number;
  fcp: number;
  longTasks: [number, number][];
}

async function loadOnce(browser: Browser, baseUrl: string, page: BrowserPage): Promise<PageFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // A slow machine makes slow pages, not broken ones.
  context.setDefaultTimeout(120_000);
  context.setDefaultNavigationTimeout(120_000);
  try {
    if (page.cookie) {
      await context.addCookies(
        page.cookie.split("; ").map((pair) => {
          const at = pair.indexOf("=");
          return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseUrl };
        }),
      );
    }
    await context.addInitScript(OBSERVE);
    const tab = await context.newPage();
    const scripts: Promise<number>[] = [];
    tab.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      scripts.push(
        response.body().then(
          (body) => gzipSync(body).length,
          () => 0,
        ),
      );
    });
    const response = await tab.goto(baseUrl + page.path, { waitUntil: "load" });
    await tab.waitForLoadState("networkidle");
    const observed = await tab.evaluate(() => (window as unknown as { __bench: Observed }).__bench);
    const sizes = await Promise.all(scripts);
    const tbt = observed.longTasks.filter(([start]) => start >= observed.fcp).reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
    return {
      path: page.path,
      status: response?.status() ?? 0,
      scripts: sizes.length,
      jsGzipKb: round(sizes.reduce((sum, size) => sum + size, 0) / 1024),
      lcpMs: Math.round(observed.lcp),
      fcpMs: Math.round(observed.fcp),
      tbtMs: Math.round(tbt),
    };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Loads each page `runs` times (cold each time) and keeps the median of each figure. */
export async function runBrowserPages(baseUrl: string, pages: readonly BrowserPage[], runs: number): Promise<Record<string, PageFigures>> {
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
  try {
    const figures: Record<string, PageFigures> = {};
    for (const page of pages) {
      const loads: PageFigures[] = [];
      for (let i = 0; i < runs; i++) loads.push(await loadOnce(browser, baseUrl, page));
      const first = loads[0] as PageFigures;
      figures[page.name] = {
        path: page.path,
        status: Math.max(...loads.map((load) => load.status)),
        scripts: first.scripts,
        jsGzipKb: median(loads.map((load) => load.jsGzipKb)),
        lcpMs: median(loads.map((load) => load.lcpMs)),
        fcpMs: median(loads.map((load) => load.fcpMs)),
        tbtMs: median(loads.map((load) => load.tbtMs)),
      };
    }
    return figures;
  } finally {
    await browser.close();
  }
}
