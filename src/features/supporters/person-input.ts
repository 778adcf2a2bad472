import { invalid } from '../../core/errors.ts';
import { normalizeEmail, normalizePhone, normalizeTags, searchText } from '../../core/people/normalize.ts';
import { protectedCategoryOf } from '../../core/people/protected-fields.ts';
import type { NewPerson } from './people.repository.ts';
import type { PersonInput } from './supporters.schema.ts';

/** A custom field named for race, ethnicity or religion: refused, with the reason. */
export function refuseProtectedField(name: string, where: Record<string, unknown> = {}): void {
  const category = protectedCategoryOf(name);
  if (category === null) return;
  throw invalid(
    'people.protected_field',
    `Custom field "${name}" is refused: Concord keeps no record of a person's ${category} (nor race, ethnicity or religion under any name).`,
    { ...where, field: `custom:${name}`, category },
  );
}

export interface FieldProblem {
  field: string;
  reason: string;
}

/** Normalizes one person's input into a row, collecting every problem instead of stopping at the first. */
export function toPersonRow(
  input: PersonInput,
  knownCustomFields: ReadonlySet<string>,
): { row: NewPerson; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const emails: string[] = [];
  input.emails.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const email = normalizeEmail(raw);
    if (email === null) problems.push({ field: `emails.${i}`, reason: `"${raw}" is not an email address` });
    else if (!emails.includes(email)) emails.push(email);
  });
  const phones: string[] = [];
  const phonesRaw: string[] = [];
  input.phones.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const phone = normalizePhone(raw);
    if (phone === null) problems.push({ field: `phones.${i}`, reason: `"${raw}" is not a phone number` });
    else if (!phones.includes(phone)) {
      phones.push(phone);
      phonesRaw.push(raw.trim());
    }
  });
  for (const name of Object.keys(input.custom)) {
    if (protectedCategoryOf(name) !== null) {
      problems.push({ field: `custom:${name}`, reason: 'race, ethnicity and religion are never recorded' });
    } else if (!knownCustomFields.has(name)) {
      problems.push({ field: `custom:${name}`, reason: 'no such custom field: define it first' });
    }
  }
  const firstName = input.firstName.normalize('NFC');
  const lastName = input.lastName.normalize('NFC');
  const city = input.address.city.normalize('NFC');
  return {
    problems,
    row: {
      external_id: input.externalId,
      first_name: firstName,
      last_name: lastName,
      emails,
      phones,
      phones_raw: phonesRaw,
      address_line1: input.address.line1,
      address_line2: input.address.line2,
      city,
      state: input.address.state,
      postal_code: input.address.postalCode,
      country: input.address.country,
      county_fips: input.address.countyFips,
      tags: normalizeTags(input.tags),
      custom: JSON.stringify(input.custom),
      notes: input.notes,
      search_text: searchText({ firstName, lastName }),
    },
  };
}

export function rowOrThrow(input: PersonInput, known: ReadonlySet<string>): NewPerson {
  const { row, problems } = toPersonRow(input, known);
  const first = problems[0];
  if (first) {
    if (first.field.startsWith('custom:') && first.reason.startsWith('race'))
      refuseProtectedField(first.field.slice(7));
    throw invalid('person.invalid', `${first.field}: ${first.reason}`, { problems });
  }
  return row;
}
