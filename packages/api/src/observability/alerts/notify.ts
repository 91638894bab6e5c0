import type { PrismaClient } from "@bazaar/db";
import { getEnv } from "../../env";
import { sendEmail } from "../../mail/send-email";
import { formatFigure } from "./rules";
import { ruleOf, type AlertChange } from "./evaluate";

/** The page admins land on from an alert mail. */
export const systemHealthUrl = () => new URL("/system-health", getEnv().ADMIN_CONSOLE_URL).href;

/**
 * Mails every active administrator about an alert that opened or resolved. Each mail's dedupe key
 * names the alert, the change and the admin, so a retried step (or a second evaluation) sends
 * nothing twice: one mail when an incident opens, one when it clears.
 */
export async function mailAdminsAboutAlert(db: PrismaClient, { alertId, change }: AlertChange): Promise<number> {
  const alert = await db.systemAlert.findUniqueOrThrow({ where: { id: alertId } });
  const rule = ruleOf(alert);
  const unit = { unit: rule?.unit ?? ("ratio" as const) };
  const admins = await db.user.findMany({ where: { role: "ADMIN", status: "ACTIVE" }, select: { id: true, email: true }, orderBy: { id: "asc" } });
  for (const admin of admins) {
    await sendEmail(db, {
      to: admin.email,
      template: "system-alert",
      dedupeKey: `system-alert:${alert.id}:${change}:${admin.id}`,
      props: {
        change,
        label: rule?.label ?? alert.rule,
        message: alert.message,
        describe: rule?.describe ?? "",
        value: formatFigure(unit, change === "opened" ? alert.value : alert.lastValue),
        peak: formatFigure(unit, alert.peakValue),
        threshold: formatFigure(unit, alert.threshold),
        openedAt: alert.openedAt.toISOString(),
        resolvedAt: alert.resolvedAt?.toISOString() ?? null,
        healthUrl: systemHealthUrl(),
      },
    });
  }
  return admins.length;
}
