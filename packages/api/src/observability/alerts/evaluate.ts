import type { PrismaClient, SystemAlert } from "@bazaar/db";
import { readWindowFigures } from "./figures";
import { ALERT_RULES, formatFigure, isBreached, type AlertRule } from "./rules";

export interface AlertChange {
  alertId: string;
  change: "opened" | "resolved";
}

/**
 * Judges every rule over the window ending at `now`: a breached rule with no open alert opens one;
 * an open alert whose figure is back on the right side (or has no traffic to judge) resolves; an
 * open alert still breached keeps its latest and peak figures. One open alert per rule is
 * guaranteed by the table (a unique open rule), so two evaluations at once open it once.
 * Returns what changed, for the caller to tell the admins.
 */
export async function evaluateAlerts(db: PrismaClient, now: Date): Promise<AlertChange[]> {
  const figures = await readWindowFigures(db, now);
  const open = new Map((await db.systemAlert.findMany({ where: { status: "OPEN" } })).map((alert) => [alert.rule, alert]));
  const changes: AlertChange[] = [];
  for (const rule of ALERT_RULES) {
    const value = rule.figure(figures);
    const breached = isBreached(rule, value);
    const current = open.get(rule.id);
    if (breached && value !== null && !current) {
      const { count } = await db.systemAlert.createMany({
        data: [
          {
            rule: rule.id,
            openRule: rule.id,
            message: messageOf(rule, value),
            value,
            threshold: rule.threshold,
            peakValue: value,
            lastValue: value,
            openedAt: now,
            lastCheckedAt: now,
          },
        ],
        skipDuplicates: true,
      });
      if (count === 1) {
        const created = await db.systemAlert.findUniqueOrThrow({ where: { openRule: rule.id }, select: { id: true } });
        changes.push({ alertId: created.id, change: "opened" });
      }
    } else if (current && breached && value !== null) {
      const worse = rule.direction === "above" ? Math.max(current.peakValue, value) : Math.min(current.peakValue, value);
      await db.systemAlert.update({ where: { id: current.id }, data: { lastValue: value, peakValue: worse, lastCheckedAt: now } });
    } else if (current) {
      const { count } = await db.systemAlert.updateMany({
        where: { id: current.id, status: "OPEN" },
        data: { status: "RESOLVED", openRule: null, resolvedAt: now, lastCheckedAt: now, ...(value !== null ? { lastValue: value } : {}) },
      });
      if (count === 1) changes.push({ alertId: current.id, change: "resolved" });
    }
  }
  return changes;
}

export const ruleOf = (alert: Pick<SystemAlert, "rule">): AlertRule | undefined => ALERT_RULES.find((rule) => rule.id === alert.rule);

function messageOf(rule: AlertRule, value: number): string {
  return `${rule.label} is ${formatFigure(rule, value)} (threshold: ${rule.direction === "above" ? "at most" : "at least"} ${formatFigure(rule, rule.threshold)}).`;
}
