import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** An email as people type it, reduced to the form that matches across files: trimmed, lower case, NFC. */
export function normalizeEmail(raw: string): string | null {
  const email = raw.normalize('NFC').trim().toLowerCase();
  // Deliberately loose: one @, something on each side, a dot in the domain. Mail servers decide the rest.
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null;
}

const usNanp = /^[2-9]\d{2}[2-9]\d{6}$/;

/**
 * A phone number in E.164 (+15175550123), or null when it cannot be one. Plain North American
 * numbers (the bulk of an import) take a fast path that gives what libphonenumber-js gives for them
 * (a property test holds the two together); everything else goes through libphonenumber-js.
 */
export function normalizePhone(raw: string, defaultCountry: CountryCode = 'US'): string | null {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  if (defaultCountry === 'US' && /^[\d\s().+-]+$/.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '');
    const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
    const plusOk = !trimmed.startsWith('+') || (digits.length === 11 && digits.startsWith('1'));
    if (plusOk && national.length === 10 && usNanp.test(national)) return `+1${national}`;
  }
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  return parsed?.isPossible() ? parsed.number : null;
}

/** The slow path alone, for the property test that checks the fast path against it. */
export function normalizePhoneWithLibrary(raw: string, defaultCountry: CountryCode = 'US'): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), defaultCountry);
  return parsed?.isPossible() ? parsed.number : null;
}

/** Tags are self-declared labels: trimmed, inner spaces collapsed, case kept, duplicates dropped. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const clean = tag.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (clean === '' || seen.has(clean.toLowerCase())) continue;
    seen.add(clean.toLowerCase());
    out.push(clean);
  }
  return out;
}

/**
 * What name search and fuzzy matching read: the names, lower case. Emails and phones are matched
 * exactly through their own indexes (a trigram entry per character of every email was the most
 * expensive index to keep up on a million-row import).
 */
export function searchText(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`.trim().toLowerCase();
}
