const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The engine writes its explanations with member keys (`harbor-greens: 0.73 chance to win against
 * 0.64 for workers-common-front`); people read names. Keys are replaced whole (not inside a longer
 * key or word), longest first so `greens-north` is not read as `greens`.
 */
export function withMemberNames(text: string, names: ReadonlyMap<string, string>): string {
  const keys = [...names.keys()].filter(Boolean).sort((a, b) => b.length - a.length);
  if (keys.length === 0) return text;
  const pattern = new RegExp(`(?<![\\w-])(${keys.map(escapeRegExp).join('|')})(?![\\w-])`, 'g');
  return text.replace(pattern, (key) => names.get(key) ?? key);
}

/** Who set a race's lock and when, as the pact's rules record it. */
export interface LockRecord {
  createdAt: string;
  createdBy: string | null;
  origin: 'manual' | 'swap';
}

export interface ExplanationContext {
  members: ReadonlyMap<string, string>;
  /** Race key → race name ("26163" → "Wayne County"). */
  races: ReadonlyMap<string, string>;
  raceName: string;
  lock: LockRecord | undefined;
}

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * An explanation for people: members and races by name, the member "gets" the race by name, and a
 * lock says who set it and when ("Harbor Greens gets Alcona County: 0.43 chance to win against 0.12
 * for Civic Renewal; …; locked by Sam Rivera on 3 Dec").
 */
export function explainForPeople(text: string, context: ExplanationContext): string {
  let out = withMemberNames(text, context.members);
  out = out.replace(/race "([^"]+)"/g, (whole, key: string) => context.races.get(key) ?? whole);
  const named = [...context.members.values()].find((name) => out.startsWith(`${name}: `));
  if (named) out = `${named} gets ${context.raceName}: ${out.slice(named.length + 2)}`;
  if (context.lock) {
    const who = context.lock.createdBy ?? 'the system';
    const how = context.lock.origin === 'swap' ? ' (kept by a swap)' : '';
    out = out.replace(
      'locked to this member',
      `locked by ${who} on ${day.format(new Date(context.lock.createdAt))}${how}`,
    );
  }
  return out;
}
