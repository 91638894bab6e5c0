import { describe, expect, it } from "vitest";
import { ZPasswordSchema, ZRegisterSellerSchema } from "./accounts";

describe("sign-up schemas", () => {
  it("accepts a valid seller and normalises emails and slug", () => {
    const parsed = ZRegisterSellerSchema.parse({
      name: "Ada",
      email: " Ada@Example.test",
      password: "correct-horse",
      shopName: "Ada's Shop",
      slug: "Adas-Shop",
      contactEmail: "HELLO@example.test",
    });
    expect(parsed).toMatchObject({ email: "ada@example.test", slug: "adas-shop", contactEmail: "hello@example.test" });
  });

  it("refuses slugs with spaces, doubled or edge hyphens", () => {
    for (const slug of ["my shop", "my--shop", "-shop", "shop-", "ab"]) {
      expect(ZRegisterSellerSchema.shape.slug.safeParse(slug).success).toBe(false);
    }
  });

  it("refuses passwords bcrypt would truncate", () => {
    expect(ZPasswordSchema.safeParse("é".repeat(37)).success).toBe(false); // 74 bytes
    expect(ZPasswordSchema.safeParse("a".repeat(72)).success).toBe(true);
  });
});
