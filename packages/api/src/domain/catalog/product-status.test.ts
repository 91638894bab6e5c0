import { describe, expect, it } from "vitest";
import { nextProductStatus } from "./product-status";

describe("nextProductStatus", () => {
  it("allows the seller's lifecycle and explains refusals", () => {
    expect(nextProductStatus("DRAFT", "publish")).toEqual({ ok: true, status: "ACTIVE" });
    expect(nextProductStatus("ACTIVE", "archive")).toEqual({ ok: true, status: "ARCHIVED" });
    expect(nextProductStatus("ARCHIVED", "restore")).toEqual({ ok: true, status: "DRAFT" });
    expect(nextProductStatus("ACTIVE", "unpublish")).toEqual({ ok: true, status: "DRAFT" });
    expect(nextProductStatus("ARCHIVED", "publish")).toEqual({
      ok: false,
      reason: "You cannot publish a product that is archived. Restore it to a draft first.",
    });
    expect(nextProductStatus("ACTIVE", "publish")).toEqual({ ok: false, reason: "You cannot publish a product that is active. It is already published." });
    expect(nextProductStatus("DRAFT", "restore").ok).toBe(false);
  });
});
