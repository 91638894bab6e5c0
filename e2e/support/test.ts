import { test as base } from "@playwright/test";

/**
 * Playwright's `test`, closing the browser contexts a test opened itself when it ends.
 *
 * Our journeys open one context per person (`browser.newContext()`: a buyer, a seller, an admin),
 * and Playwright closes only the contexts of its own fixtures. Left open, they stay alive for the
 * rest of the run: their pages keep polling (the seller's bell, the admin's live figures), and at
 * the start of every later test Playwright starts a trace chunk on each of them. By the last specs
 * of a CI run some 65 pages were open, and the wishlist journey timed out on a machine that had
 * passed it alone. Closing them here keeps their screenshots and traces: Playwright captures a
 * context's pages as it closes, and keeps them when the test failed.
 */
export const test = base.extend<{ closeOwnContexts: void }>({
  closeOwnContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      await Promise.all(
        browser
          .contexts()
          .filter((context) => !before.has(context))
          .map((context) => context.close()),
      );
    },
    { auto: true },
  ],
});
