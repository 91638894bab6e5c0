import { expect, type Page } from "@playwright/test";
import { appUrl, type AppName } from "./urls";
import type { Credentials } from "./users";

/**
 * Signs in through the app's own sign-in page, as a person would, and waits until the app has
 * left the sign-in page. Each app keeps its own session cookie, so sign in to each app you use.
 */
export async function signIn(page: Page, app: AppName, user: Credentials, options: { callbackPath?: string } = {}) {
  const path = options.callbackPath ? `/sign-in?callbackUrl=${encodeURIComponent(options.callbackPath)}` : "/sign-in";
  await page.goto(appUrl(app, path));
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Hashing the password and the redirect's render take a while on a busy two-core machine.
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
}

/** Signs out with the header's button (opening the account menu first where the app has one). */
export async function signOut(page: Page) {
  const banner = page.getByRole("banner");
  const button = banner.getByRole("button", { name: "Sign out" });
  if (!(await button.isVisible())) await banner.getByRole("button", { name: "Account" }).click();
  await button.click();
}

/** Registers a buyer through the storefront's sign-up page (which signs them in). */
export async function signUpBuyer(page: Page, user: Credentials & { name: string }) {
  await page.goto(appUrl("storefront", "/sign-up"));
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).not.toHaveURL(/\/sign-up/, { timeout: 30_000 });
}
