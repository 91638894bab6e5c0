import { expect } from "@playwright/test";
import { appUrl, demo, linkFromMailbox, newIdentity, signIn, signOut, signUpBuyer, test } from "./support";

// Accounts people can recover: a forgotten password is reset through the emailed link (read from
// the admin console's mailbox, where every email lands), and the link works once.

test("forgot password: the emailed link resets it, the new password signs in, the old one and the link no longer work", async ({ browser }) => {
  test.setTimeout(180_000);
  const person = newIdentity("reset");
  const page = await (await browser.newContext()).newPage();
  await signUpBuyer(page, person);
  await signOut(page);

  await page.goto(appUrl("storefront", "/sign-in"));
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // The sign-in page has an Email field too: wait for the new page before filling one.
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(person.email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByText("If an account uses that address, a link to reset its password is on its way.")).toBeVisible();

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin", demo.admin);
  const link = await linkFromMailbox(admin, person.email, "password-reset");
  expect(link.startsWith(appUrl("storefront", "/reset-password?token="))).toBe(true);

  const newPassword = `new-${person.password}`;
  await page.goto(link);
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page.getByText("Sign in with your new password.")).toBeVisible();

  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();

  await signIn(page, "storefront", { email: person.email, password: newPassword });
  await expect(page).not.toHaveURL(/sign-in/);

  await page.goto(link);
  await page.getByLabel("New password").fill("yet another password");
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page.getByText("This link was already used or is not valid. Ask for a new one.")).toBeVisible();
});

test("changing the password keeps this session and signs out the others", async ({ browser }) => {
  test.setTimeout(180_000);
  const person = newIdentity("change");
  const here = await (await browser.newContext()).newPage();
  await signUpBuyer(here, person);
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(elsewhere, "storefront", person);
  const addresses = (page: typeof here) => page.request.get(appUrl("storefront", "/api/trpc/address.list"));
  expect((await addresses(elsewhere)).status()).toBe(200);

  await here.goto(appUrl("storefront", "/account/password"));
  await here.getByLabel("Current password").fill(person.password);
  await here.getByLabel("New password").fill(`changed-${person.password}`);
  await here.getByRole("button", { name: "Change password" }).click();
  await expect(here.getByText("Every other device signed in to your account has been signed out.")).toBeVisible();

  expect((await addresses(here)).status()).toBe(200);
  expect((await addresses(elsewhere)).status()).toBe(401);
});
