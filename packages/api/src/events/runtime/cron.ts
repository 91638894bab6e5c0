// Standard five-field cron ("minute hour day-of-month month day-of-week", UTC, as Inngest reads
// it) for the in-process scheduler: *, lists, ranges and steps ("*/5", "1-10/2").

const FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12 },
  { name: "day of week", min: 0, max: 7 },
] as const;

export interface CronSchedule {
  fields: Set<number>[];
  /** Cron's rule: when both day fields are restricted, either may match. */
  dayOfMonthRestricted: boolean;
  dayOfWeekRestricted: boolean;
}

export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`Cron "${expression}" needs five fields (minute hour day month weekday)`);
  const fields = parts.map((part, index) => {
    const { name, min, max } = FIELDS[index] as (typeof FIELDS)[number];
    const values = new Set<number>();
    for (const item of part.split(",")) {
      const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(item);
      if (!match) throw new Error(`Cron "${expression}": cannot read "${item}" in the ${name} field`);
      const from = match[1] === "*" ? min : Number(match[2]);
      const to = match[1] === "*" ? max : match[3] !== undefined ? Number(match[3]) : match[4] !== undefined ? max : from;
      const step = match[4] !== undefined ? Number(match[4]) : 1;
      if (from < min || to > max || from > to || step < 1) throw new Error(`Cron "${expression}": "${item}" is out of range for the ${name} field`);
      for (let value = from; value <= to; value += step) values.add(index === 4 && value === 7 ? 0 : value);
    }
    return values;
  });
  return { fields, dayOfMonthRestricted: parts[2] !== "*", dayOfWeekRestricted: parts[4] !== "*" };
}

/** Whether the schedule fires in the minute containing `at` (UTC). */
export function cronMatches(schedule: CronSchedule, at: Date): boolean {
  const [minutes, hours, days, months, weekdays] = schedule.fields as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  if (!minutes.has(at.getUTCMinutes()) || !hours.has(at.getUTCHours()) || !months.has(at.getUTCMonth() + 1)) return false;
  const dayOfMonth = days.has(at.getUTCDate());
  const dayOfWeek = weekdays.has(at.getUTCDay());
  if (schedule.dayOfMonthRestricted && schedule.dayOfWeekRestricted) return dayOfMonth || dayOfWeek;
  return dayOfMonth && dayOfWeek;
}
