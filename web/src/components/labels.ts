import type {
  DecisionKind,
  DecisionMethod,
  DecisionSummary,
  OrganizationKind,
  OrganizationStatus,
  StrengthMetric,
} from '../api/types.ts';

// Records keyed by the server's enums: adding a value on the server fails the type check here.
export const kindLabels: Record<OrganizationKind, string> = {
  party: 'Party',
  movement: 'Movement',
  pressure_group: 'Pressure group',
  chapter: 'Chapter',
  federation: 'Federation',
};

export const statusLabels: Record<OrganizationStatus, string> = {
  applicant: 'Applicant',
  member: 'Member',
  suspended: 'Suspended',
  expelled: 'Expelled',
  withdrawn: 'Withdrawn',
};

export const metricLabels: Record<StrengthMetric, string> = {
  members: 'Members',
  votes: 'Votes won',
  ballot_lines: 'Ballot lines held',
  officeholders: 'Officeholders',
  signatures: 'Signatures gathered',
};

export const decisionKindLabels: Record<DecisionKind, string> = {
  motion: 'Motion',
  admission: 'Admission',
  suspension: 'Suspension',
  expulsion: 'Expulsion',
  reinstatement: 'Reinstatement',
  charter_amendment: 'Charter amendment',
  pact_ratification: 'Pact ratification',
};

export const methodLabels: Record<DecisionMethod, string> = {
  majority: 'Simple majority',
  supermajority: 'Supermajority',
  double_majority: 'Double majority',
  consensus: 'Consensus with veto',
  irv: 'Instant runoff (ranked)',
  stv: 'Single transferable vote (ranked)',
  schulze: 'Schulze (ranked, Condorcet)',
  approval: 'Approval',
};

export const phaseLabels: Record<DecisionSummary['phase'], string> = {
  scheduled: 'Scheduled',
  open: 'Open',
  closed: 'Closed',
};

export const outcomeLabels: Record<NonNullable<DecisionSummary['outcome']>, string> = {
  passed: 'Passed',
  rejected: 'Rejected',
  no_quorum: 'No quorum',
  decided: 'Decided',
  tie: 'Tie',
};

const numberFormat = new Intl.NumberFormat('en-US');
export const formatNumber = (n: number) => numberFormat.format(n);

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso));
/** A calendar date (YYYY-MM-DD) as written, without a time-zone shift. */
export const formatDate = (isoDate: string) =>
  dateFormat.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));

/** A left–right position (-1..1) in words, for the people who do not read the number. */
export function positionLabel(position: number | null): string {
  if (position === null) return 'Not declared';
  const side = position < -0.2 ? 'left' : position > 0.2 ? 'right' : 'centre';
  return `${position > 0 ? '+' : ''}${position.toFixed(2)} (${side})`;
}

/** "3 days 4 hours left", "closed", for a decision's window. */
export function timeLeft(closesAt: string, now = Date.now()): string {
  const ms = Date.parse(closesAt) - now;
  if (ms <= 0) return 'Window passed';
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} day${days === 1 ? '' : 's'} ${hours} h left`;
  if (hours > 0) return `${hours} h ${minutes % 60} min left`;
  return `${minutes} min left`;
}

/**
 * How a closed decision's window ended: "Closed early on 3 Dec, 14:05 (the window was to end
 * 10 Dec, 18:00)" when staff closed it before its end, else "Closed when the window ended …".
 */
export function closedLabel(d: { closesAt: string; closedAt: string | null }): string {
  const early = d.closedAt !== null && Date.parse(d.closedAt) < Date.parse(d.closesAt) - 60_000;
  return early && d.closedAt
    ? `Closed early on ${formatDateTime(d.closedAt)} (the window was to end ${formatDateTime(d.closesAt)})`
    : `Closed when the window ended ${formatDateTime(d.closesAt)}`;
}

/**
 * An exact decimal as the engine writes it ("2658.400", a string so that no float drifts) for
 * reading: thousands grouped, trailing zeros dropped → "2,658.4". Numbers are shown the same way.
 */
export function formatExact(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const kept = fraction.replace(/0+$/, '');
  return `${sign}${grouped}${kept ? `.${kept}` : ''}`;
}

/** Thousandths of a weight as a percentage: 700 → "70%". */
export const permille = (n: number) => `${Math.round(n / 10)}%`;

/** An office code in words: the same words the server names imported races with. */
export { officeWords as officeLabel } from '../../../src/core/office-words.ts';
