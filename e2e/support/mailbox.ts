import { expect, type Page } from "@playwright/test";
import { appUrl } from "./urls";

/**
 * The link in the newest email of `template` to `to`, read from the admin console's mailbox as
 * an administrator would (the list filtered by recipient, then the email's plain-text version).
 * `admin` must be signed in to the admin console.
 */
export async function linkFromMailbox(admin: Page, to: string, template: "verify-email" | "password-reset"): Promise<string> {
  await admin.goto(appUrl("admin", `/mailbox?to=${encodeURIComponent(to)}&template=${template}`));
  await admin
    .getByRole("link", { name: template === "verify-email" ? "Confirm your email address" : "Reset your Bazaar password" })
    .first()
    .click();
  const text = admin.getByTestId("email-text");
  await expect(text).toContainText("token=");
  const link = /https?:\/\/\S+token=[A-Za-z0-9_-]+/.exec((await text.textContent()) ?? "")?.[0];
  expect(link, "the email carries its link").toBeTruthy();
  return link!;
}

/** Confirms a new account's email by following the link of its verify-email mail. */
export async function confirmEmail(admin: Page, email: string) {
  const link = await linkFromMailbox(admin, email, "verify-email");
  const answer = await admin.request.get(link);
  expect(answer.status()).toBe(200);
  expect(await answer.text()).toContain("Email confirmed");
}

/**
 * The plain text of the newest email to `to` whose subject matches, once it has arrived (emails
 * of background functions arrive a moment after the change that sent them): the mailbox is
 * opened again until the row shows. `admin` must be signed in to the admin console.
 */
export async function emailText(admin: Page, to: string, subject: string | RegExp): Promise<string> {
  const link = admin.getByTestId("mailbox-table").getByRole("link", { name: subject }).first();
  await expect(async () => {
    await admin.goto(appUrl("admin", `/mailbox?to=${encodeURIComponent(to)}`));
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await link.click();
  const text = admin.getByTestId("email-text");
  await expect(text).not.toBeEmpty();
  return (await text.textContent()) ?? "";
}
