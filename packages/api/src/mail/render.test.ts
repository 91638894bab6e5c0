import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderEmail } from "./render";
import { samples } from "./samples";
import { templates, type TemplateName } from "./templates";

describe("email templates", () => {
  it.each(Object.keys(templates) as TemplateName[])("renders %s to a subject, HTML and plain text", async (name) => {
    const email = await renderEmail(name, samples[name] as never);
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.text).not.toContain("<");
    expect(email.text.length).toBeGreaterThan(40);
  });

  it("formats money and tracking for people", async () => {
    expect((await renderEmail("payout-paid", samples["payout-paid"])).subject).toBe("Payout sent: $1,234.56");
    expect((await renderEmail("shipment-update", samples["shipment-update"])).text).toContain("Tracking: UPS 1Z999");
  });

  it("renders in the worker's runtime too (tsx from the repository root, no package tsconfig), every template at boot", () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
    const script = `import { renderEmail, warmUpMail } from "./packages/api/src/mail/render.ts";
      await warmUpMail();
      const email = await renderEmail("cart-reminder", ${JSON.stringify(samples["cart-reminder"])});
      process.stdout.write(email.subject);`;
    const output = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
    expect(output).toBe("You left something in your Bazaar cart");
  }, 60_000);
});
