import { expect } from "@playwright/test";
import { appUrl, demo, newIdentity, signIn, signOut, signUpBuyer, test } from "./support";

test.describe("signing in to each app", () => {
  test("a buyer signs in to the storefront and sees the product grid", async ({ page }) => {
    await signIn(page, "storefront", demo.buyer);
    await expect(page.getByTestId("signed-in-as")).toContainText(demo.buyer.email);
    await expect(page.getByRole("heading", { level: 1, name: "New in the marketplace" })).toBeVisible();
    await expect(page.getByTestId("product-grid").getByRole("listitem").first()).toBeVisible();
  });

  test("a seller signs in to the seller console and sees their products", async ({ page }) => {
    await signIn(page, "seller", demo.audioSeller);
    await expect(page.getByRole("heading", { level: 1, name: demo.audioSeller.shopName })).toBeVisible();
    await expect(page.getByTestId("access-refused")).toHaveCount(0);
  });

  test("an admin signs in to the admin console and sees user counts", async ({ page }) => {
    await signIn(page, "admin", demo.admin);
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    const counts = page.getByTestId("user-counts");
    await expect(counts.getByText("Buyers")).toBeVisible();
    await expect(counts.getByText("Administrators")).toBeVisible();
  });

  test("sessions are per app: signing in to the admin console does not sign in to the storefront", async ({ page }) => {
    await signIn(page, "admin", demo.admin);
    await page.goto(appUrl("storefront"));
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  });
});

test.describe("refusals", () => {
  test("the admin console refuses a buyer and says why", async ({ page }) => {
    await signIn(page, "admin", demo.buyer);
    const refusal = page.getByTestId("access-refused");
    await expect(refusal).toContainText("The admin console is for Bazaar administrators");
    await expect(refusal).toContainText(`You are signed in as ${demo.buyer.email}, which is a buyer account`);
    await expect(page.getByTestId("user-counts")).toHaveCount(0);
  });

  test("the seller console tells a pending seller their shop awaits approval", async ({ page }) => {
    await signIn(page, "seller", demo.pendingSeller);
    await expect(page.getByRole("heading", { level: 1, name: "Your shop is awaiting approval" })).toBeVisible();
    await expect(page.getByTestId("access-refused")).toContainText(demo.pendingSeller.shopName);
  });

  test("a wrong password is refused with a message", async ({ page }) => {
    await page.goto(appUrl("storefront", "/sign-in"));
    await page.getByLabel("Email").fill(demo.buyer.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Could not sign you in" })).toContainText("That email and password do not match an account.");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe("sign-up", () => {
  test("a new buyer signs up, is signed in, and can sign out and back in", async ({ page }) => {
    const buyer = newIdentity("buyer");
    await signUpBuyer(page, buyer);
    await expect(page.getByTestId("signed-in-as")).toContainText(buyer.name);

    await signOut(page);
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();

    await signIn(page, "storefront", buyer);
    await expect(page.getByTestId("signed-in-as")).toContainText(buyer.name);
  });

  test("signing up with a taken email says so next to the field", async ({ page }) => {
    await page.goto(appUrl("storefront", "/sign-up"));
    await page.getByLabel("Name").fill("Someone Else");
    await page.getByLabel("Email").fill(demo.buyer.email);
    await page.getByLabel("Password").fill("another-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("An account with this email already exists.")).toBeVisible();
  });

  test("a new seller applies and sees that the shop awaits approval", async ({ page }) => {
    const seller = newIdentity("seller");
    await page.goto(appUrl("seller", "/sign-up"));
    await page.getByLabel("Your name").fill(seller.name);
    await page.getByLabel("Email (to sign in)").fill(seller.email);
    await page.getByLabel("Password").fill(seller.password);
    await page.getByLabel("Shop name").fill(`Shop ${seller.suffix}`);
    await page.getByLabel("Shop address").fill(`shop-${seller.suffix}`);
    await page.getByLabel("Contact email for buyers").fill(seller.email);
    await page.getByRole("button", { name: "Apply to sell" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your shop is awaiting approval" })).toBeVisible();
  });
});
