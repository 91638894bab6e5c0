import { expect, type Page } from "@playwright/test";
import { appUrl, type AppName, type Credentials } from "../support";

/**
 * The support helper's sign-in, waiting longer for the redirect: password hashing plus a cold
 * server page on a loaded machine take more than the default ten seconds.
 */
export async function signIn(page: Page, app: AppName, user: Credentials) {
  await page.goto(appUrl(app, "/sign-in"));
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
}
