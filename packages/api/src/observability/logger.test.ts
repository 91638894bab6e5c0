import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

function capture() {
  const out: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger({ destination, level: "info" }), out };
}

describe("log redaction", () => {
  it("keeps passwords, secrets, card data and street addresses out of the log, whatever the depth", () => {
    const { log, out } = capture();
    log.info(
      {
        password: "hunter2-password",
        authorization: "Bearer sk_live_secret_token",
        input: { email: "buyer@bazaar.test", password: "hunter2-nested", cardNumber: "4242424242424242", cvc: "123" },
        order: { number: 1042, shippingAddress: { line1: "1 Market Street", city: "Springfield", country: "US" } },
        checkout: { address: { line1: "9 Elm Road", postalCode: "12345" }, clientSecret: "pi_123_secret_456" },
        req: { headers: { cookie: "authjs.session-token=abc.def", "user-agent": "test" } },
      },
      "checkout attempt",
    );
    const text = out.join("");
    for (const secret of [
      "hunter2",
      "sk_live_secret_token",
      "4242424242424242",
      '"123"',
      "1 Market Street",
      "9 Elm Road",
      "12345",
      "pi_123_secret_456",
      "authjs.session-token",
    ]) {
      expect(text).not.toContain(secret);
    }
    const line = JSON.parse(text) as { input: { email: string; password: string }; order: { number: number }; req: { headers: Record<string, string> } };
    expect(line.input.password).toBe("[redacted]");
    // What helps an operator stays: who, which order, which browser.
    expect(line.input.email).toBe("buyer@bazaar.test");
    expect(line.order.number).toBe(1042);
    expect(line.req.headers["user-agent"]).toBe("test");
  });

  it("writes an error's stack", () => {
    const { log, out } = capture();
    log.error({ err: new Error("boom") }, "failed");
    const line = JSON.parse(out.join("")) as { level: number; err: { message: string; stack: string } };
    expect(line.level).toBe(50);
    expect(line.err.message).toBe("boom");
    expect(line.err.stack).toContain("logger.test.ts");
  });
});
