import { seededRandom } from '../../core/mulberry32.ts';
import type { PersonInput } from './supporters.schema.ts';

/**
 * Fictional supporters from a fixed seed, for the demo and the benchmarks. Every name is made up
 * from two small invented lists (no real person's full name is intended); emails use the reserved
 * example.org domain and phones the 555-01xx range set aside for fiction.
 */
const firstNames = [
  'Ada',
  'Bram',
  'Celeste',
  'Dorian',
  'Elowen',
  'Fintan',
  'Greta',
  'Hollis',
  'Ines',
  'Jasper',
  'Kestrel',
  'Linnea',
  'Marek',
  'Nerys',
  'Orrin',
  'Petra',
  'Quinlan',
  'Rosalind',
  'Soren',
  'Tamsin',
  'Ulric',
  'Vesna',
  'Wendell',
  'Xanthe',
  'Yusra',
  'Zeno',
  'Aurelio',
  'Brisa',
  'Cormac',
  'Delphine',
  'Emrys',
  'Fenna',
  'Gideon',
  'Halima',
  'Ivo',
  'Junia',
];
const lastNames = [
  'Ambervale',
  'Brindlecombe',
  'Corrowick',
  'Dunmarrow',
  'Elderkin',
  'Fallowmere',
  'Greystoke-Hale',
  'Harrowgate',
  'Ivesbridge',
  'Juniperry',
  'Kettlewell',
  'Larkspurr',
  'Marrowdale',
  'Nettlefold',
  'Oakhurst-Vane',
  'Pemberwick',
  'Quillfeather',
  'Rookwood',
  'Saltmarsh',
  'Thistlewood',
  'Umberfield',
  'Vantongeren',
  'Wrenfield',
  'Yarrowby',
  'Zellwegerr',
  'Ashcombe',
  'Bellweather',
  'Cindermoor',
  'Duskwater',
  'Emberton',
];
const cities = [
  'Detroit',
  'Lansing',
  'Flint',
  'Ann Arbor',
  'Grand Rapids',
  'Kalamazoo',
  'Saginaw',
  'Marquette',
];
export const syntheticTags = [
  'housing',
  'transit',
  'climate',
  'labor',
  'schools',
  'health care',
  'youth',
  'rural',
];

export interface SyntheticPerson {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  city: string;
  state: string;
  countyFips: string;
  tags: string[];
}

/** The i-th fictional person of a seed's universe: the same i gives the same person, whoever asks. */
export function syntheticPerson(i: number): SyntheticPerson {
  const random = seededRandom(i * 7919 + 17);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const firstName = pick(firstNames);
  const lastName = pick(lastNames);
  // Michigan's 83 counties have the odd FIPS codes 26001 to 26165.
  const county = 1 + 2 * Math.floor(random() * 83);
  const tagCount = Math.floor(random() * 3);
  const tags = [...new Set(Array.from({ length: tagCount }, () => pick(syntheticTags)))];
  return {
    firstName,
    lastName,
    email: `${firstName}.${lastName}.${i}@example.org`.toLowerCase(),
    // One in thirteen gives a phone, all distinct up to a million people (800 area codes × 100 lines).
    phone:
      i % 13 === 0
        ? `(${200 + ((i / 13) % 800)}) 555-01${String(Math.floor(i / 13 / 800) % 100).padStart(2, '0')}`
        : '',
    city: pick(cities),
    state: 'MI',
    countyFips: `26${String(county).padStart(3, '0')}`,
    tags,
  };
}

/** The synthetic person as the people feature takes one (the demo and the bench store them so). */
export function syntheticPersonInput(p: SyntheticPerson): PersonInput {
  return {
    externalId: null,
    firstName: p.firstName,
    lastName: p.lastName,
    emails: [p.email],
    phones: p.phone ? [p.phone] : [],
    address: {
      line1: '',
      line2: '',
      city: p.city,
      state: p.state,
      postalCode: '',
      country: 'US',
      countyFips: p.countyFips,
    },
    tags: p.tags,
    custom: {},
    notes: '',
  };
}

export const syntheticCsvHeader = 'first_name,last_name,email,phone,city,state,county,tags\n';

export function syntheticCsvLine(p: SyntheticPerson): string {
  return `${p.firstName},${p.lastName},${p.email},${p.phone},${p.city},${p.state},${p.countyFips},"${p.tags.join(';')}"\n`;
}

export { seededRandom };
