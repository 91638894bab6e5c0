import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { onQuery } from "@bazaar/db";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { startBackgroundWorker } from "./background-worker";
import { inngest } from "./client";
import { drainOutbox } from "./drain";
import { pruneOutbox } from "./prune";
import { publish } from "./publish";
import { RelayCrash, relayBatch } from "./relay";
import { parseRunState, runRowName } from "./runtime/run-state";

// The in-process runtime against a real database, with small functions made for each rule:
// memoized and persisted steps, retries with backoff, sleeps, event waits, cancelOn, debounce,
// singleton, crash recovery, parallel relays, and delivery to Inngest.

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const quiet = { warn: () => undefined, error: () => undefined };
const minutes = (n: number) => new Date(Date.now() + n * 60_000);
let seq = 0;
const uid = (prefix: string) => `${prefix}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

async function runsOf(functionId: string) {
  const rows = await t.db.outboxEvent.findMany({ where: { name: runRowName(functionId) }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => ({ ...row, state: parseRunState(row.payload) }));
}

describe("steps", () => {
  it("memoizes finished steps across retries and saves each result", async () => {
    const calls = { first: 0, second: 0 };
    const fn = inngest.createFunction({ id: uid("steps"), triggers: [{ event: "payout/requested" }] }, async ({ event, step }) => {
      const a = await step.run("first", () => {
        calls.first++;
        return { payout: event.data.payoutId as string };
      });
      const b = await step.run("second", () => {
        calls.second++;
        if (calls.second < 3) throw new Error(`flaky ${calls.second}`);
        return 42;
      });
      return { a, b };
    });
    const functions = [fn];
    await publish(t.db, "payout/requested", { payoutId: "po_1", sellerId: "s_1" });

    await drainOutbox(t.db, { functions, logger: quiet });
    let [run] = await runsOf(fn.opts.id);
    expect(calls).toEqual({ first: 1, second: 1 });
    expect(run?.status).toBe("PENDING");
    expect(run?.state.attempt).toBe(1);
    expect(run?.lastError).toContain("flaky 1");
    expect(run!.availableAt.getTime()).toBeGreaterThan(Date.now());

    await drainOutbox(t.db, { functions, logger: quiet, now: minutes(1) });
    await drainOutbox(t.db, { functions, logger: quiet, now: minutes(5) });
    [run] = await runsOf(fn.opts.id);
    expect(calls).toEqual({ first: 1, second: 3 });
    expect(run?.status).toBe("SENT");
    expect(run?.state.outcome).toBe("completed");
    expect(run?.state.output).toEqual({ a: { payout: "po_1" }, b: 42 });
  });

  it("fails the run after its retries and lets the handler see a step's final error", async () => {
    let attempts = 0;
    const fn = inngest.createFunction({ id: uid("fails"), retries: 1, triggers: [{ event: "payout/requested" }] }, async ({ step }) => {
      await step.run("always-fails", () => {
        attempts++;
        throw new Error("gateway down");
      });
    });
    await publish(t.db, "payout/requested", { payoutId: "po_2", sellerId: "s_1" });
    await drainOutbox(t.db, { functions: [fn], logger: quiet });
    await drainOutbox(t.db, { functions: [fn], logger: quiet, now: minutes(10) });
    const [run] = await runsOf(fn.opts.id);
    expect(attempts).toBe(2);
    expect(run?.status).toBe("FAILED");
    expect(run?.lastError).toContain("gateway down");
  });

  it("runs parallel steps once each", async () => {
    const ran: string[] = [];
    const fn = inngest.createFunction({ id: uid("parallel"), triggers: [{ event: "payout/requested" }] }, async ({ step }) => {
      const results = await Promise.all(["a", "b", "c"].map((id) => step.run(id, () => (ran.push(id), id.toUpperCase()))));
      return results.join("");
    });
    await publish(t.db, "payout/requested", { payoutId: "po_3", sellerId: "s_1" });
    await drainOutbox(t.db, { functions: [fn] });
    const [run] = await runsOf(fn.opts.id);
    expect(ran.sort()).toEqual(["a", "b", "c"]);
    expect(run?.state.output).toBe("ABC");
  });
});

describe("sleep and waitForEvent", () => {
  it("sleeps until the clock passes the wake time", async () => {
    let woke = 0;
    const fn = inngest.createFunction({ id: uid("sleepy"), triggers: [{ event: "payout/requested" }] }, async ({ step }) => {
      await step.sleep("nap", 60 * 60_000);
      await step.run("after-nap", () => woke++);
    });
    await publish(t.db, "payout/requested", { payoutId: "po_4", sellerId: "s_1" });
    await drainOutbox(t.db, { functions: [fn] });
    await drainOutbox(t.db, { functions: [fn], now: minutes(30) });
    expect(woke).toBe(0);
    await drainOutbox(t.db, { functions: [fn], now: minutes(61) });
    expect(woke).toBe(1);
    expect((await runsOf(fn.opts.id))[0]?.state.outcome).toBe("completed");
  });

  it("resumes a wait with the matching event, or with null when it times out", async () => {
    const fn = inngest.createFunction({ id: uid("waiter"), triggers: [{ event: "return/updated" }] }, async ({ step }) => {
      const dispute = await step.waitForEvent("dispute", { event: "dispute/opened", match: "data.orderId", timeout: "1h" });
      return dispute ? (dispute.data as { disputeId: string }).disputeId : "timed out";
    });
    const functions = [fn];
    await publish(t.db, "return/updated", { returnId: "r-w1", orderId: "order-w1", status: "REQUESTED" });
    await publish(t.db, "return/updated", { returnId: "r-w2", orderId: "order-w2", status: "REQUESTED" });
    await drainOutbox(t.db, { functions });
    await publish(t.db, "dispute/opened", { disputeId: "d-x", orderId: "order-other" });
    await publish(t.db, "dispute/opened", { disputeId: "d-1", orderId: "order-w1" });
    await drainOutbox(t.db, { functions });
    await drainOutbox(t.db, { functions, now: minutes(61) });
    const outputs = (await runsOf(fn.opts.id)).map((run) => run.state.output);
    expect(outputs).toEqual(["d-1", "timed out"]);
  });
});

describe("cancelOn, debounce, singleton", () => {
  it("cancels runs whose trigger matches the cancelling event, and only those", async () => {
    const fn = inngest.createFunction(
      { id: uid("cancellable"), triggers: [{ event: "return/updated" }], cancelOn: [{ event: "dispute/opened", match: "data.orderId" }] },
      async ({ step }) => {
        await step.sleep("wait", "1h");
        return "finished";
      },
    );
    const functions = [fn];
    await publish(t.db, "return/updated", { returnId: "r-c1", orderId: "order-c1", status: "REQUESTED" });
    await publish(t.db, "return/updated", { returnId: "r-c2", orderId: "order-c2", status: "REQUESTED" });
    await drainOutbox(t.db, { functions });
    await publish(t.db, "dispute/opened", { disputeId: "d-c1", orderId: "order-c1" });
    await drainOutbox(t.db, { functions });
    await drainOutbox(t.db, { functions, now: minutes(61) });
    const runs = await runsOf(fn.opts.id);
    expect(runs.map((run) => [run.state.event.data.orderId, run.state.outcome])).toEqual([
      ["order-c1", "cancelled"],
      ["order-c2", "completed"],
    ]);
  });

  it("debounces a burst into one run with the latest event", async () => {
    const seen: number[] = [];
    const fn = inngest.createFunction(
      { id: uid("debounced"), triggers: [{ event: "stock/low" }], debounce: { key: "event.data.stockLevelId", period: "2m" } },
      async ({ event, step }) => {
        await step.run("record", () => seen.push(event.data.available as number));
      },
    );
    const functions = [fn];
    for (let available = 20; available > 0; available--) {
      await publish(t.db, "stock/low", { stockLevelId: "sl-1", productId: "p", sellerId: "s", available, threshold: 25 });
    }
    await publish(t.db, "stock/low", { stockLevelId: "sl-2", productId: "p", sellerId: "s", available: 3, threshold: 5 });
    await drainOutbox(t.db, { functions });
    expect(seen).toEqual([]);
    await drainOutbox(t.db, { functions, now: minutes(3) });
    expect(seen.sort()).toEqual([1, 3]);
    expect(await runsOf(fn.opts.id)).toHaveLength(2);
  });

  it("keeps one run per singleton key, the newest", async () => {
    const fn = inngest.createFunction(
      { id: uid("singleton"), triggers: [{ event: "return/updated" }], singleton: { key: "event.data.orderId", mode: "cancel" } },
      async ({ step }) => {
        await step.sleep("wait", "10m");
      },
    );
    const functions = [fn];
    await publish(t.db, "return/updated", { returnId: "r-s", orderId: "order-s", status: "REQUESTED" });
    await drainOutbox(t.db, { functions });
    await publish(t.db, "return/updated", { returnId: "r-s", orderId: "order-s", status: "REQUESTED" });
    await drainOutbox(t.db, { functions });
    await drainOutbox(t.db, { functions, now: minutes(11) });
    expect((await runsOf(fn.opts.id)).map((run) => run.state.outcome)).toEqual(["cancelled", "completed"]);
  });
});

describe("crashes and parallel relays", () => {
  it("reruns a step whose result was not saved when the relay died, after the lease ends", async () => {
    let effects = 0;
    const fn = inngest.createFunction({ id: uid("crashy"), triggers: [{ event: "payout/requested" }] }, async ({ step }) => {
      await step.run("effect", () => ++effects);
      return "done";
    });
    await publish(t.db, "payout/requested", { payoutId: "po_5", sellerId: "s_1" });
    await expect(
      drainOutbox(t.db, {
        functions: [fn],
        faults: {
          afterStep: () => {
            throw new Error("killed");
          },
        },
      }),
    ).rejects.toBeInstanceOf(RelayCrash);
    // Restarted before the lease ends: the run is still someone else's.
    expect(await drainOutbox(t.db, { functions: [fn] })).toBe(0);
    await drainOutbox(t.db, { functions: [fn], now: minutes(2) });
    const [run] = await runsOf(fn.opts.id);
    expect(run?.state.outcome).toBe("completed");
    expect(effects).toBe(2); // at least once: steps must be idempotent, which Bazaar's are
  });

  it("renews the lease while a slow step runs, so no other relay repeats the step", async () => {
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const begun = new Promise<void>((resolve) => (started = resolve));
    const fn = inngest.createFunction({ id: uid("slow"), triggers: [{ event: "payout/requested" }] }, async ({ step }) => {
      await step.run("slow", async () => {
        runs++;
        started();
        await gate;
      });
    });
    await publish(t.db, "payout/requested", { payoutId: "po_slow", sellerId: "s_1" });
    const first = drainOutbox(t.db, { functions: [fn], leaseMs: 1500 });
    await begun;
    const find = () => t.db.outboxEvent.findFirstOrThrow({ where: { name: runRowName(fn.opts.id) } });
    const claimedUntil = (await find()).lockedUntil!.getTime();
    await vi.waitFor(async () => expect((await find()).lockedUntil!.getTime()).toBeGreaterThan(claimedUntil), { timeout: 10_000, interval: 100 });

    // Past the first lease, but the heartbeat renewed it: the run is not up for grabs.
    await drainOutbox(t.db, { functions: [fn], now: new Date(claimedUntil + 100) });
    release();
    await first;
    expect(runs).toBe(1);
    expect((await find()).status).toBe("SENT");
  });

  it("saves the runs a batch finished in one statement, each only under its own lease", async () => {
    const taken = minutes(5);
    const first = inngest.createFunction({ id: uid("finishes"), triggers: [{ event: "seller/rejected" }] }, async () => "first");
    const second = inngest.createFunction({ id: uid("finishes-too"), triggers: [{ event: "seller/rejected" }] }, async () => {
      // Meanwhile another relay takes the first run over (as if this relay's lease on it had ended).
      await t.db.outboxEvent.updateMany({ where: { name: runRowName(first.opts.id) }, data: { lockedUntil: taken } });
      return "second";
    });
    await publish(t.db, "seller/rejected", { sellerId: "s-batch", reason: null });
    const saves: string[] = [];
    const off = onQuery((_ms, query) => {
      if (query.includes('AS f("id", "state", "lease")')) saves.push(query);
    });
    try {
      await drainOutbox(t.db, { functions: [first, second] });
    } finally {
      off();
    }
    expect(saves).toHaveLength(1);
    const [kept] = await runsOf(second.opts.id);
    expect(kept).toMatchObject({ status: "SENT", lockedUntil: null });
    expect(kept?.state).toMatchObject({ outcome: "completed", output: "second" });
    // The other relay's run is left to it: not marked done under a lease this relay no longer held.
    const [lost] = await runsOf(first.opts.id);
    expect(lost).toMatchObject({ status: "PENDING", lockedUntil: taken });
    expect(lost?.state.outcome).toBeNull();
  });

  it("saves the runs a batch finished before a slow run could outlast their lease", async () => {
    const log: string[] = [];
    const fast = (name: string) => inngest.createFunction({ id: uid(name), triggers: [{ event: "payout/reversed" }] }, async () => void log.push(name));
    // A payout's transfer waiting on Stripe, say: longer than half the lease the batch was claimed with.
    const slow = inngest.createFunction({ id: uid("slow-run"), triggers: [{ event: "payout/reversed" }] }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      log.push("slow");
    });
    const functions = [fast("first"), slow, fast("last")];
    await publish(t.db, "payout/reversed", { payoutId: "po-lease", sellerId: "s-lease" });
    const off = onQuery((_ms, query) => {
      if (query.includes('AS f("id", "state", "lease")')) log.push("saved");
    });
    try {
      await drainOutbox(t.db, { functions, leaseMs: 1000 });
    } finally {
      off();
    }
    expect(log).toEqual(["first", "slow", "saved", "last", "saved"]);
  });

  it("processes each event once with many relays at the same time", async () => {
    const runsPerEvent = new Map<string, number>();
    const fn = inngest.createFunction({ id: uid("fanout"), triggers: [{ event: "seller/approved" }] }, async ({ event, step }) => {
      await step.run("count", () => runsPerEvent.set(event.data.sellerId as string, (runsPerEvent.get(event.data.sellerId as string) ?? 0) + 1));
    });
    const ids = Array.from({ length: 120 }, (_, i) => `seller-${i}`);
    await t.db.outboxEvent.createMany({ data: ids.map((sellerId) => ({ name: "seller/approved", payload: { sellerId } })) });
    const counts = await Promise.all(Array.from({ length: 8 }, () => drainOutbox(t.db, { functions: [fn], batchSize: 5 })));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(240); // 120 events + 120 runs
    expect([...runsPerEvent.values()].every((n) => n === 1)).toBe(true);
    expect(runsPerEvent.size).toBe(120);
    expect(await t.db.outboxEvent.count({ where: { name: { in: ["seller/approved", runRowName(fn.opts.id)] }, status: { not: "SENT" } } })).toBe(0);
  });
});

describe("the worker", () => {
  it("keeps the outbox drained in the background and stops cleanly", async () => {
    const seen: string[] = [];
    const fn = inngest.createFunction({ id: uid("background"), triggers: [{ event: "seller/approved" }] }, async ({ event, step }) => {
      await step.run("record", () => seen.push(event.data.sellerId as string));
    });
    const worker = startBackgroundWorker(t.db, { functions: [fn], pollMs: 50, logger: { ...quiet, info: () => undefined } });
    try {
      await publish(t.db, "seller/approved", { sellerId: "bg-1" });
      await vi.waitFor(() => expect(seen).toEqual(["bg-1"]), { timeout: 15_000, interval: 50 });
      await publish(t.db, "seller/approved", { sellerId: "bg-2" });
      await vi.waitFor(() => expect(seen).toEqual(["bg-1", "bg-2"]), { timeout: 15_000, interval: 50 });
    } finally {
      await worker.stop();
    }
  });

  it("prunes old delivered rows and keeps failed and pending ones", async () => {
    const old = new Date(Date.now() - 30 * 86_400_000);
    const rows = await Promise.all(
      [
        { status: "SENT" as const, sentAt: old },
        { status: "SENT" as const, sentAt: new Date() },
        { status: "FAILED" as const, sentAt: null },
        { status: "PENDING" as const, sentAt: null },
      ].map((row) => t.db.outboxEvent.create({ data: { name: "seller/approved", payload: { sellerId: "prune" }, createdAt: old, ...row } })),
    );
    expect(await pruneOutbox(t.db, { batchSize: 1 })).toBeGreaterThanOrEqual(1);
    const left = await t.db.outboxEvent.findMany({ where: { id: { in: rows.map((row) => row.id) } }, select: { id: true } });
    expect(left.map((row) => row.id).sort()).toEqual(
      rows
        .slice(1)
        .map((row) => row.id)
        .sort(),
    );
    await t.db.outboxEvent.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
  });
});

describe("delivery to Inngest", () => {
  let server: Server;
  let received: { id: string; name: string }[] = [];
  let client: Inngest;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        const events = JSON.parse(body) as { id: string; name: string }[];
        received.push(...events);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ ids: events.map((e) => e.id), status: 200 }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    client = new Inngest({ id: "bazaar", eventKey: "test-key", baseUrl: `http://127.0.0.1:${port}`, isDev: false });
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("resends with the same idempotency id after dying between send and mark, and never otherwise", async () => {
    await t.db.outboxEvent.deleteMany({});
    received = [];
    const { id } = await publish(t.db, "order/confirmed", { orderId: "order-1" });
    await expect(
      relayBatch(t.db, {
        inngest: client,
        faults: {
          afterSend: () => {
            throw new Error("killed");
          },
        },
      }),
    ).rejects.toBeInstanceOf(RelayCrash);
    expect(await t.db.outboxEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING" });

    await drainOutbox(t.db, { inngest: client, now: minutes(2) });
    await drainOutbox(t.db, { inngest: client, now: minutes(3) });
    expect(received.map((event) => [event.id, event.name])).toEqual([
      [id, "order/confirmed"],
      [id, "order/confirmed"],
    ]);
    expect(await t.db.outboxEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT" });
    // Nothing ran in-process: Inngest runs the functions.
    expect(await t.db.outboxEvent.count({ where: { name: { startsWith: "run:" } } })).toBe(0);
  });

  it("sends each event once with many relays at the same time", async () => {
    await t.db.outboxEvent.deleteMany({});
    received = [];
    await t.db.outboxEvent.createMany({ data: Array.from({ length: 60 }, (_, i) => ({ name: "seller/approved", payload: { sellerId: `s-${i}` } })) });
    await Promise.all(Array.from({ length: 6 }, () => drainOutbox(t.db, { inngest: client, batchSize: 4 })));
    const ids = received.map((event) => event.id);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    expect(await t.db.outboxEvent.count({ where: { status: "SENT" } })).toBe(60);
  });
});
