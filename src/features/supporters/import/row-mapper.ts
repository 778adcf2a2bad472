import type { FieldProblem } from '../person-input.ts';
import type { PersonInput } from '../supporters.schema.ts';
import { resolveCounty } from './county-lookup.ts';
import type { ImportTarget } from './presets.ts';

/** One CSV record mapped to a person, the consents it states, and what is wrong with it (by header). */
export interface MappedRow {
  input: PersonInput;
  consent: { email: boolean | null; phone: boolean | null };
  /** CiviCRM files mix households and organizations in: only individuals are people. */
  skipReason: string | null;
  problems: FieldProblem[];
}

const yes = new Set(['true', 'yes', 'y', '1', 't', 'x', 'subscribed', 'opt-in', 'opted in']);
const no = new Set(['false', 'no', 'n', '0', 'f', 'unsubscribed', 'opt-out', 'opted out', 'not subscribed']);

/** Yes, no, or unknown (a blank consent cell is never a yes). */
export function parseFlag(value: string): boolean | null | 'invalid' {
  const v = value.trim().toLowerCase();
  if (v === '') return null;
  if (yes.has(v)) return true;
  if (no.has(v)) return false;
  return 'invalid';
}

const limits: Partial<Record<string, number>> = {
  external_id: 200,
  first_name: 200,
  last_name: 200,
  address_line1: 200,
  address_line2: 200,
  city: 100,
  state: 50,
  postal_code: 20,
  country: 60,
  notes: 20_000,
};

/** Builds the mapper for one file: headers and targets by column position. */
export function rowMapper(
  headers: readonly string[],
  targets: readonly ImportTarget[],
  tagSeparator: RegExp,
) {
  return (record: readonly string[]): MappedRow => {
    const problems: FieldProblem[] = [];
    const text: Record<string, string[]> = {};
    const emails: string[] = [];
    const phones: string[] = [];
    const tags: string[] = [];
    const custom: Record<string, string> = {};
    let consentEmail: boolean | null = null;
    let consentPhone: boolean | null = null;
    let refuseEmail = false;
    let refusePhone = false;
    let skipReason: string | null = null;

    targets.forEach((target, i) => {
      if (target === 'skip') return;
      const header = headers[i] ?? `column ${i + 1}`;
      // NationBuilder prefixes some cells with ' for Excel.
      const value = (record[i] ?? '').normalize('NFC').trim().replace(/^'/, '');
      if (value === '') return;
      const flag = () => {
        const parsed = parseFlag(value);
        if (parsed === 'invalid') problems.push({ field: header, reason: `"${value}" is not yes or no` });
        return parsed === 'invalid' ? null : parsed;
      };
      if (target.startsWith('custom:')) custom[target.slice(7)] = value;
      else if (target === 'email') emails.push(value);
      else if (target === 'phone') phones.push(value);
      else if (target === 'tags') tags.push(...value.split(tagSeparator));
      else if (target === 'consent_email') consentEmail = combine(consentEmail, flag());
      else if (target === 'consent_phone') consentPhone = combine(consentPhone, flag());
      else if (target === 'optout_email') refuseEmail ||= flag() !== false;
      else if (target === 'optout_phone') refusePhone ||= flag() !== false;
      else if (target === 'optout_all') {
        const all = flag() !== false;
        refuseEmail ||= all;
        refusePhone ||= all;
      } else if (target === 'email_status')
        consentEmail = combine(consentEmail, value.toLowerCase() === 'subscribed');
      else if (target === 'sms_status')
        consentPhone = combine(consentPhone, value.toLowerCase() === 'subscribed');
      else if (target === 'contact_type') {
        if (value.toLowerCase() !== 'individual') skipReason = `contact type ${value}`;
      } else {
        const max = limits[target];
        if (max !== undefined && value.length > max)
          problems.push({ field: header, reason: `longer than ${max} characters` });
        const values = text[target] ?? [];
        values.push(value);
        text[target] = values;
      }
    });

    const one = (key: string, joiner = ' ') => (text[key] ?? []).join(joiner);
    const postal = [one('postal_code'), one('postal_code_suffix')].filter(Boolean).join('-');
    let countyFips: string | null = null;
    const county = resolveCounty(one('county'), one('state'));
    if ('problem' in county)
      problems.push({ field: headerOf(headers, targets, 'county'), reason: county.problem });
    else countyFips = county.fips;

    return {
      skipReason,
      problems,
      consent: { email: refuseEmail ? false : consentEmail, phone: refusePhone ? false : consentPhone },
      input: {
        externalId: one('external_id') || null,
        firstName: one('first_name'),
        lastName: one('last_name'),
        emails,
        phones,
        address: {
          line1: one('address_line1'),
          line2: one('address_line2', ', '),
          city: one('city'),
          state: one('state'),
          postalCode: postal,
          country: one('country'),
          countyFips,
        },
        tags,
        custom,
        notes: one('notes', '\n'),
      },
    };
  };
}

/** A refusal wins over a grant; a grant over unknown. */
function combine(current: boolean | null, next: boolean | null): boolean | null {
  if (current === false || next === false) return false;
  return current ?? next;
}

function headerOf(
  headers: readonly string[],
  targets: readonly ImportTarget[],
  target: ImportTarget,
): string {
  const i = targets.indexOf(target);
  return i >= 0 ? (headers[i] ?? target) : target;
}
