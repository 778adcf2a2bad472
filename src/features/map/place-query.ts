/**
 * What a person types into the place search, read as a name and an optional qualifier:
 * "Wayne County, Michigan" → name "wayne", kind county, within "michigan"; "Wayne, MI" → "wayne"
 * within "mi"; "Way" → the prefix "way". Pure: the repository turns it into SQL.
 */
export interface PlaceQuery {
  /** The name, lower-case, without a trailing "County"/"Parish"/"Borough". */
  name: string;
  /** A county word was typed: only counties match. */
  kind: 'county' | null;
  /** The parent's name, its prefix or its abbreviation (USPS code), lower-case. */
  within: string | null;
}

const countyWord = /\s+(county|parish|borough)$/i;

export const normalizeName = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

export function parsePlaceQuery(text: string): PlaceQuery {
  const comma = text.indexOf(',');
  const head = normalizeName(comma === -1 ? text : text.slice(0, comma));
  const tail = comma === -1 ? '' : normalizeName(text.slice(comma + 1).replace(/,/g, ' '));
  const stripped = head.replace(countyWord, '');
  // "County" alone is a name to look for, not a qualifier.
  const name = stripped === '' ? head : stripped;
  return {
    name,
    kind: name !== head ? 'county' : null,
    within: tail === '' ? null : tail,
  };
}

/** The same stripping on stored names, in SQL: regexp_replace(lower(name), this, ''). */
export const countyWordPattern = '\\s+(county|parish|borough)$';
