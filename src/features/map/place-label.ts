/**
 * How people name a place (issue #16, "Names, not codes"): "Wayne County, Michigan", "Michigan",
 * "Ain, 1re circonscription". Pure and browser-safe: the server labels search results with it.
 */
export interface LabelInput {
  kind: string;
  code: string;
  name: string;
  parentName: string | null;
  parentKind: string | null;
}

/** Names that already say what they are ("Anchorage Municipality", "Carson City"). */
const namedKind = /\b(county|parish|borough|census area|municipality|city|city and borough)$/i;

/** us-atlas names counties bare ("Wayne"); the word people use depends on the state. */
function countyName(code: string, name: string): string {
  if (namedKind.test(name)) return name;
  const state = code.slice(0, 2);
  if (state === '22') return `${name} Parish`;
  if (state === '02') return `${name} Borough`;
  // Independent cities (Virginia, Baltimore, St. Louis) carry FIPS 5xx–8xx.
  if (['51', '24', '29', '32'].includes(state) && Number(code.slice(2)) >= 500) return `${name} city`;
  return `${name} County`;
}

export function placeLabel(place: LabelInput): string {
  const own =
    place.kind === 'county' && /^\d{5}$/.test(place.code) ? countyName(place.code, place.name) : place.name;
  // A nation says nothing about a state; a district's name already carries its state.
  if (!place.parentName || place.parentKind === 'nation' || own.startsWith(place.parentName)) return own;
  return `${own}, ${place.parentName}`;
}
