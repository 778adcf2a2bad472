import ical from 'ical-generator';
import type { Actor } from '../../core/actor.ts';
import { type Deadline, deadlineWarnings, driveDeadlines } from '../../core/petitions/calendar.ts';
import { daysBetween } from '../../core/petitions/days.ts';
import type { Db } from '../../db/database.ts';
import { canManageDrive } from './authorize.ts';
import { ruleOf } from './drive-analysis.ts';
import { todayUtc } from './drives.service.ts';
import * as repo from './petitions.repository.ts';

/** Every deadline of the coalition's own requirements and of every drive (due, filing, cure period). */
export async function listDeadlines(db: Db, actor: Actor): Promise<Deadline[]> {
  const deadlines: Deadline[] = [];
  for (const r of await repo.coalitionRequirementDeadlines(db, actor.coalitionId)) {
    if (r.deadline) {
      deadlines.push({
        day: r.deadline,
        kind: 'requirement_deadline',
        title: `${r.title}: deadline`,
        subject: { type: 'requirement', id: r.id },
      });
    }
  }
  for (const drive of await repo.listDrives(db, actor.coalitionId)) {
    deadlines.push(
      ...driveDeadlines({
        id: drive.id,
        name: drive.name,
        dueDay: drive.due_day,
        filingDay: drive.filing_day,
        cureDays: drive.cure_days ?? ruleOf(drive).cureDays,
      }),
    );
  }
  return deadlines.sort((a, b) => a.day.localeCompare(b.day) || a.title.localeCompare(b.title));
}

export async function calendar(db: Db, actor: Actor, now = new Date()) {
  const today = todayUtc(now);
  const deadlines = await listDeadlines(db, actor);
  const warnings = new Map(
    deadlineWarnings(deadlines, today).map((w) => [`${w.subject.id}|${w.kind}|${w.day}`, w.level]),
  );
  return {
    today,
    deadlines: deadlines.map((d) => ({
      ...d,
      daysLeft: daysBetween(today, d.day),
      level: warnings.get(`${d.subject.id}|${d.kind}|${d.day}`) ?? null,
    })),
  };
}

/** Deadlines 30 days away or closer, for the dashboard. */
export async function warnings(db: Db, actor: Actor, now = new Date()) {
  const { today, deadlines } = await calendar(db, actor, now);
  return {
    today,
    deadlines: deadlines.filter((d) => d.level !== null).sort((a, b) => a.daysLeft - b.daysLeft),
  };
}

/**
 * The same deadlines as an iCalendar feed (all-day events), for any calendar application. A drive's
 * events name its member and, for those who manage the drive (staff, its own member's delegates and
 * organizers: authorize.ts), its circulators, as the drive page shows them; nobody else sees them.
 */
export async function icalFeed(db: Db, actor: Actor, origin: string): Promise<string> {
  const feed = ical({
    name: 'Concord petition deadlines',
    prodId: { company: 'Concord', product: 'petitions' },
  });
  const drives = new Map((await repo.listDrives(db, actor.coalitionId)).map((d) => [d.id, d]));
  const descriptions = new Map<string, string>();
  const describe = async (driveId: string): Promise<string | undefined> => {
    const drive = drives.get(driveId);
    if (!drive) return undefined;
    const known = descriptions.get(driveId);
    if (known !== undefined) return known;
    let text = `Drive of ${drive.organization_name}.`;
    if (canManageDrive(actor, drive)) {
      const circulators = await repo.listCirculators(db, {
        coalitionId: actor.coalitionId,
        organizationId: drive.organization_id,
        driveId,
      });
      if (circulators.length > 0) text += ` Circulators: ${circulators.map((c) => c.name).join(', ')}.`;
    }
    descriptions.set(driveId, text);
    return text;
  };
  for (const d of await listDeadlines(db, actor)) {
    const start = new Date(`${d.day}T00:00:00Z`);
    const description = d.subject.type === 'drive' ? await describe(d.subject.id) : undefined;
    feed.createEvent({
      id: `${d.subject.id}-${d.kind}-${d.day}@concord`,
      start,
      allDay: true,
      summary: d.title,
      ...(description ? { description } : {}),
      url: d.subject.type === 'drive' ? `${origin}/petitions/drives/${d.subject.id}` : `${origin}/petitions`,
    });
  }
  return feed.toString();
}
