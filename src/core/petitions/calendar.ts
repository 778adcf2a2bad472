import { daysBetween } from './days.ts';

export type DeadlineKind = 'requirement_deadline' | 'petition_due' | 'filing' | 'cure_period_end';

export interface Deadline {
  day: string;
  kind: DeadlineKind;
  title: string;
  /** What it belongs to: a requirement or a drive, for links. */
  subject: { type: 'requirement' | 'drive'; id: string };
}

export interface DeadlineWarning extends Deadline {
  daysLeft: number;
  /** The tightest warning step reached: 7, 14 or 30 days. */
  level: 7 | 14 | 30;
}

export const warningSteps = [7, 14, 30] as const;

/** Deadlines from today on, soonest first, each with the warning step it has reached (if any). */
export function deadlineWarnings(deadlines: readonly Deadline[], today: string): DeadlineWarning[] {
  const warnings: DeadlineWarning[] = [];
  for (const deadline of deadlines) {
    const daysLeft = daysBetween(today, deadline.day);
    if (daysLeft < 0) continue;
    const level = warningSteps.find((step) => daysLeft <= step);
    if (level) warnings.push({ ...deadline, daysLeft, level });
  }
  return warnings.sort((a, b) => a.daysLeft - b.daysLeft || a.title.localeCompare(b.title));
}

/** A drive's own deadlines: filing (if set), the petition due day, and the end of the cure period after it. */
export function driveDeadlines(drive: {
  id: string;
  name: string;
  dueDay: string;
  filingDay: string | null;
  cureDays: number | null;
}): Deadline[] {
  const subject = { type: 'drive' as const, id: drive.id };
  const list: Deadline[] = [
    { day: drive.dueDay, kind: 'petition_due', title: `${drive.name}: petition due`, subject },
  ];
  if (drive.filingDay)
    list.push({ day: drive.filingDay, kind: 'filing', title: `${drive.name}: filing`, subject });
  if (drive.cureDays !== null && drive.cureDays > 0) {
    const end = new Date(Date.parse(`${drive.dueDay}T00:00:00Z`) + drive.cureDays * 86_400_000);
    list.push({
      day: end.toISOString().slice(0, 10),
      kind: 'cure_period_end',
      title: `${drive.name}: cure period ends (${drive.cureDays} days after the petition is due)`,
      subject,
    });
  }
  return list;
}
