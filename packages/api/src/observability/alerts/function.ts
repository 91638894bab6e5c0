import { inngest } from "../../events/client";
import { evaluateAlerts } from "./evaluate";
import { mailAdminsAboutAlert } from "./notify";

/** Past FLUSH_AFTER_MINUTE_MS, with room for a busy process's timer to run late. */
const ALERT_SETTLE = "10s";

/**
 * Every minute: the alert rules judged over the last window; an alert that opened or resolved
 * is mailed to the administrators, one step per alert so a mail server failure retries only that.
 */
export const systemAlerts = inngest.createFunction(
  { id: "system-alerts", name: "Evaluate the system health alerts", triggers: [{ cron: "* * * * *" }] },
  async ({ event, step, db }) => {
    // The schedule's own time, so a replay judges the same window.
    const now = new Date(event.ts ?? Date.now());
    // Every process saves the minute that just ended a second after it (startRollupFlusher):
    // judged at once, the window would miss that minute's figures from some of them.
    await step.sleep("let-the-minute-land", ALERT_SETTLE);
    const changes = await step.run("evaluate", () => evaluateAlerts(db, now));
    for (const change of changes) {
      await step.run(`mail-${change.change}-${change.alertId}`, () => mailAdminsAboutAlert(db, change));
    }
    // Per-minute rows older than two days have served the page and the rules: pruned hourly.
    if (now.getUTCMinutes() === 0) {
      await step.run("prune-metric-samples", () =>
        db.metricSample.deleteMany({ where: { minute: { lt: new Date(now.getTime() - 2 * 86_400_000) } } }).then((r) => r.count),
      );
    }
    return { changes: changes.length };
  },
);
