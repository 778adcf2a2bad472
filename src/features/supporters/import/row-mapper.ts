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

// Printable ASCII needs no normalizing; anything else (rare in a CRM export) goes through NFC.
const nonAscii = /[^ -~\t\n\r]/;

/** A cell as the importer reads it: NFC (skipped for plain ASCII, the bulk of a file), trimmed, no Excel quote. */
function cleanCell(raw: string): string {
  const value = (nonAscii.test(raw) ? raw.normalize('NFC') : raw).trim();
  // NationBuilder prefixes some cells with ' for Excel.
  return value.charCodeAt(0) === 39 ? value.slice(1) : value;
}

/**
 * Builds the mapper for one file: headers and targets by column position. The plan per column is
 * worked out once here, so the per-row loop (a million times on a big import) does no lookups.
 */
export function rowMapper(
  headers: readonly string[],
  targets: readonly ImportTarget[],
  tagSeparator: RegExp,
) {
  const plan = targets
    .map((target, i) => ({ i, target, header: headers[i] ?? `column ${i + 1}`, max: limits[target] }))
    .filter((column) => column.target !== 'skip');
  const countyHeader = headerOf(headers, targets, 'county');
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

    for (const { i, target, header, max } of plan) {
      const raw = record[i];
      if (raw === undefined || raw === '') continue;
      const value = cleanCell(raw);
      if (value === '') continue;
      switch (target) {
        case 'email':
          emails.push(value);
          break;
        case 'phone':
          phones.push(value);
          break;
        case 'tags':
          tags.push(...value.split(tagSeparator));
          break;
        case 'consent_email':
          consentEmail = combine(consentEmail, flagOf(value, header, problems));
          break;
        case 'consent_phone':
          consentPhone = combine(consentPhone, flagOf(value, header, problems));
          break;
        case 'optout_email':
          refuseEmail ||= flagOf(value, header, problems) !== false;
          break;
        case 'optout_phone':
          refusePhone ||= flagOf(value, header, problems) !== false;
          break;
        case 'optout_all': {
          const all = flagOf(value, header, problems) !== false;
          refuseEmail ||= all;
          refusePhone ||= all;
          break;
        }
        case 'email_status':
          consentEmail = combine(consentEmail, value.toLowerCase() === 'subscribed');
          break;
        case 'sms_status':
          consentPhone = combine(consentPhone, value.toLowerCase() === 'subscribed');
          break;
        case 'contact_type':
          if (value.toLowerCase() !== 'individual') skipReason = `contact type ${value}`;
          break;
        default:
          if (target.startsWith('custom:')) {
            custom[target.slice(7)] = value;
            break;
          }
          if (max !== undefined && value.length > max)
            problems.push({ field: header, reason: `longer than ${max} characters` });
          if (text[target]) text[target].push(value);
          else text[target] = [value];
      }
    }

    const one = (key: string, joiner = ' ') => {
      const values = text[key];
      return values === undefined ? '' : values.length === 1 ? (values[0] ?? '') : values.join(joiner);
    };
    const postalCode = one('postal_code');
    const suffix = one('postal_code_suffix');
    const postal = postalCode && suffix ? `${postalCode}-${suffix}` : postalCode || suffix;
    let countyFips: string | null = null;
    const county = resolveCounty(one('county'), one('state'));
    if ('problem' in county) problems.push({ field: countyHeader, reason: county.problem });
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

/** A yes/no cell; an unreadable one is a problem on its column and counts as unknown. */
function flagOf(value: string, header: string, problems: FieldProblem[]): boolean | null {
  const parsed = parseFlag(value);
  if (parsed !== 'invalid') return parsed;
  problems.push({ field: header, reason: `"${value}" is not yes or no` });
  return null;
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
