import { expect as baseExpect } from "@playwright/test";
import { appUrl, confirmEmail, demo, newIdentity, signIn, signUpBuyer, test } from "../support";
import { addToCart, CARDS, enterAddress, pay } from "./helpers";

const expect = baseExpect.configure({ timeout: 30_000 });

test.describe.configure({ timeout: 240_000 });

test("a guest buys from two shops with an email only, opens the order from the emailed link, and finds it in the account after signing up", async ({
  browser,
}) => {
  const guest = newIdentity("guest");
  const page = await (await browser.newContext()).newPage();
  await addToCart(page, "relay-pocket-dac", "Relay Pocket DAC");
  await addToCart(page, "cedar-and-smoke-soy-candle", "Cedar & Smoke Soy Candle");

  // Checkout without an account: an email and an address.
  await page.goto(appUrl("storefront", "/checkout"));
  await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
  await page.getByRole("textbox", { name: "Email" }).fill(guest.email);
  await enterAddress(page);
  await expect(page.getByTestId("checkout-shipment")).toHaveCount(2);
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page.getByRole("heading", { name: "Payment" })).toBeVisible();
  await pay(page, CARDS.success);
  await expect(page.getByTestId("order-state")).toContainText("Order confirmed");
  await expect(page.getByTestId("order-state")).toContainText(`we email ${guest.email}`);
  const orderNumber = /Order #(\d+)/.exec((await page.getByTestId("order-state").textContent()) ?? "")?.[1];
  expect(orderNumber).toBeTruthy();

  // The confirmation email carries the order's signed link, which opens it without an account.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin", demo.admin);
  await expect(async () => {
    await admin.goto(appUrl("admin", `/mailbox?to=${encodeURIComponent(guest.email)}&template=order-confirmation`));
    await baseExpect(admin.getByTestId("mailbox-row")).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await admin.getByTestId("mailbox-row").getByRole("link").click();
  const text = (await admin.getByTestId("email-text").textContent()) ?? "";
  const link = /https?:\/\/\S+\/orders\/\S+\?token=[A-Za-z0-9_-]+/.exec(text)?.[0];
  expect(link, "the confirmation email links to the order").toBeTruthy();
  const later = await (await browser.newContext()).newPage();
  await later.goto(link!);
  await expect(later.getByRole("heading", { level: 1, name: `Order #${orderNumber}` })).toBeVisible();
  await expect(later.getByText(`Guest order · emails go to ${guest.email}`)).toBeVisible();
  await expect(later.getByText("Relay Pocket DAC")).toBeVisible();
  await expect(later.getByText("Cedar & Smoke Soy Candle")).toBeVisible();

  // Later they sign up with that email and confirm it: the order is in their account.
  await signUpBuyer(later, guest);
  await confirmEmail(admin, guest.email);
  await later.goto(appUrl("storefront", "/account/orders"));
  await expect(later.getByTestId("order-list").getByRole("link", { name: `Order #${orderNumber}` })).toBeVisible();
});
