// Mail and notifications: the SMTP path against a small SMTP server on 127.0.0.1, the stored-only
// path, deduplication, and the routers people read them through (their own notifications; the
// admin console's mailbox).
import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { notify } from "../domain/notifications";
import { resetEnvCache } from "../env";
import { callerFor } from "../testing";
import { createAdmin, createBuyer, createSeller } from "../testing/factories";
import { onQuery } from "@bazaar/db";
import { sendEmail, sendEmails } from "./send-email";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const lowStock = (dedupeKey: string, to = "seller@test.bazaar") =>
  ({
    to,
    template: "low-stock",
    props: {
      shopName: "Shop",
      productName: "Lamp",
      sku: "L-1",
      warehouseName: "Main",
      available: 1,
      threshold: 5,
      stockUrl: "http://localhost:3001/products/p",
    },
    dedupeKey,
  }) as const;

/** Just enough SMTP to accept (or refuse) messages, recording each one's DATA. */
function smtpServer(options: { refuse?: boolean; refuseRecipient?: string } = {}) {
  const messages: string[] = [];
  const server: Server = createServer((socket) => {
    let data: string | null = null;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 stub ESMTP");
    let buffer = "";
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        if (data !== null) {
          if (line === ".") {
            messages.push(data);
            data = null;
            reply("250 queued");
          } else data += `${line}\n`;
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === "EHLO" || command === "HELO") reply("250 stub");
        else if (command === "MAIL") reply(options.refuse ? "550 mailbox unavailable" : "250 ok");
        else if (command === "RCPT") reply(options.refuseRecipient && line.includes(options.refuseRecipient) ? "550 no such user" : "250 ok");
        else if (command === "DATA") {
          data = "";
          reply("354 go ahead");
        } else if (command === "QUIT") {
          reply("221 bye");
          socket.end();
        } else reply("250 ok");
      }
    });
  });
  return {
    messages,
    async start() {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      process.env.SMTP_URL = `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resetEnvCache();
    },
    async stop() {
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

afterEach(() => {
  delete process.env.SMTP_URL;
  resetEnvCache();
});

describe("sendEmail", () => {
  it("stores the mail without SMTP, once per dedupe key", async () => {
    const first = await sendEmail(t.db, lowStock("stored-1"));
    const again = await sendEmail(t.db, lowStock("stored-1"));
    expect(again).toEqual(first);
    const rows = await t.db.email.findMany({ where: { dedupeKey: "stored-1" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "STORED", subject: "Low stock: Lamp (1 left)", template: "low-stock", sentAt: null });
    expect(rows[0]?.html).toContain("<html");
    expect(rows[0]?.text).toContain("Update stock");
  });

  it("sends through SMTP and never twice, even when retried concurrently", async () => {
    const smtp = smtpServer();
    await smtp.start();
    try {
      const results = await Promise.all([1, 2, 3].map(() => sendEmail(t.db, lowStock("smtp-1"))));
      expect(results.every((result) => result.status === "SENT")).toBe(true);
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0]).toContain("Subject: Low stock: Lamp (1 left)");
      expect(await t.db.email.findUniqueOrThrow({ where: { dedupeKey: "smtp-1" } })).toMatchObject({ status: "SENT" });
    } finally {
      await smtp.stop();
    }
  });

  it("keeps a refused mail as FAILED and throws, so the step retries it, then sends it", async () => {
    const refusing = smtpServer({ refuse: true });
    await refusing.start();
    try {
      await expect(sendEmail(t.db, lowStock("smtp-2"))).rejects.toThrow(/failed/);
      expect(await t.db.email.findUniqueOrThrow({ where: { dedupeKey: "smtp-2" } })).toMatchObject({ status: "FAILED" });
    } finally {
      await refusing.stop();
    }
    const smtp = smtpServer();
    await smtp.start();
    try {
      await expect(sendEmail(t.db, lowStock("smtp-2"))).resolves.toMatchObject({ status: "SENT" });
      expect(smtp.messages).toHaveLength(1);
    } finally {
      await smtp.stop();
    }
  });
});

describe("sendEmails", () => {
  it("stores several mails with their notifications in one statement, sends each, and sends again only the one refused", async () => {
    const seller = await createBuyer(t.db);
    const mails = [
      lowStock("many-1"),
      { ...lowStock("many-2", "bounce@test.bazaar"), notification: { userId: seller.id, type: "LOW_STOCK", title: "Low stock: Lamp", dedupeKey: "many-2" } },
      lowStock("many-3"),
    ] as const;
    const refusing = smtpServer({ refuseRecipient: "bounce@test.bazaar" });
    await refusing.start();
    const stores: string[] = [];
    const off = onQuery((_ms, query) => {
      if (query.includes('INSERT INTO "Email"')) stores.push(query);
    });
    try {
      await expect(sendEmails(t.db, mails)).rejects.toThrow(/to bounce@test\.bazaar failed/);
    } finally {
      off();
      await refusing.stop();
    }
    expect(stores).toHaveLength(1);
    // The others went out: one address refused delays no one else.
    expect(refusing.messages).toHaveLength(2);
    const statuses = await t.db.email.findMany({ where: { dedupeKey: { in: ["many-1", "many-2", "many-3"] } }, orderBy: { dedupeKey: "asc" } });
    expect(statuses.map((mail) => [mail.dedupeKey, mail.status])).toEqual([
      ["many-1", "SENT"],
      ["many-2", "FAILED"],
      ["many-3", "SENT"],
    ]);
    expect(await t.db.notification.count({ where: { userId: seller.id, dedupeKey: "many-2" } })).toBe(1);

    const smtp = smtpServer();
    await smtp.start();
    try {
      const sent = await sendEmails(t.db, mails);
      expect(sent.map((mail) => mail.status)).toEqual(["SENT", "SENT", "SENT"]);
      expect(sent.map((mail) => mail.id)).toEqual(["many-1", "many-2", "many-3"].map((key) => statuses.find((row) => row.dedupeKey === key)?.id));
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0]).toContain("bounce@test.bazaar");
    } finally {
      await smtp.stop();
    }
    expect(await t.db.notification.count({ where: { userId: seller.id, dedupeKey: "many-2" } })).toBe(1);
  });
});

describe("notifications router", () => {
  it("lists, counts and marks read the caller's own notifications only", async () => {
    const [me, other] = await Promise.all([createBuyer(t.db), createBuyer(t.db)]);
    for (let i = 0; i < 3; i++) await notify(t.db, { userId: me.id, type: "ORDER_CONFIRMED", title: `Mine ${i}`, dedupeKey: `mine-${me.id}-${i}` });
    expect(await notify(t.db, { userId: me.id, type: "ORDER_CONFIRMED", title: "Mine 0 again", dedupeKey: `mine-${me.id}-0` })).toBe(false);
    await notify(t.db, { userId: other.id, type: "ORDER_CONFIRMED", title: "Theirs", dedupeKey: `theirs-${other.id}` });
    const theirs = await t.db.notification.findFirstOrThrow({ where: { userId: other.id } });

    const caller = await callerFor(t.db, me.id);
    const page = await caller.notifications.list({ limit: 2 });
    expect(page.items.map((n) => n.title)).toEqual(["Mine 2", "Mine 1"]);
    expect((await caller.notifications.list({ limit: 2, cursor: page.nextCursor })).items.map((n) => n.title)).toEqual(["Mine 0"]);
    expect(await caller.notifications.unreadCount()).toBe(3);

    expect(await caller.notifications.markRead({ ids: [page.items[0]!.id, theirs.id] })).toEqual({ marked: 1 });
    expect(await caller.notifications.unreadCount()).toBe(2);
    expect(await t.db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ readAt: null });
    expect(await caller.notifications.markRead({ all: true })).toEqual({ marked: 2 });
    expect((await caller.notifications.list({ unreadOnly: true })).items).toEqual([]);
  });

  it("refuses guests and empty input", async () => {
    const guest = await callerFor(t.db, null);
    await expect(guest.notifications.unreadCount()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const buyer = await callerFor(t.db, (await createBuyer(t.db)).id);
    await expect(buyer.notifications.markRead({ ids: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("mailbox router", () => {
  it("shows administrators every stored mail, and nobody else", async () => {
    await sendEmail(t.db, lowStock("mailbox-1", "someone@shop.test"));
    const admin = await callerFor(t.db, (await createAdmin(t.db)).id);
    const { items } = await admin.mail.list({ to: "someone@shop" });
    expect(items.map((mail) => mail.to)).toEqual(["someone@shop.test"]);
    const mail = await admin.mail.get({ id: items[0]!.id });
    expect(mail.html).toContain("Lamp");
    await expect(admin.mail.get({ id: "missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const { user } = await createSeller(t.db);
    const seller = await callerFor(t.db, user.id);
    await expect(seller.mail.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
