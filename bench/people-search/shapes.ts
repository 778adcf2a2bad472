import { syntheticPerson } from '../../src/features/supporters/synthetic.ts';

/** What people type into the search box, per shape, drawn from the synthetic people loaded. */
export interface SearchQuery {
  q: string;
  county?: string;
}

export interface Shape {
  name: string;
  queries: SearchQuery[];
}

/** `perShape` queries of each shape, over people spread across the first `rows`. */
export function shapes(perShape: number, rows = 1_000_000): Shape[] {
  const people = Array.from({ length: perShape }, (_, i) => syntheticPerson((i * 104_729 + 13 * 7) % rows));
  const phonePeople = Array.from({ length: perShape }, (_, i) =>
    syntheticPerson(((i * 7_919) % Math.floor(rows / 13)) * 13),
  );
  const lower = (s: string) => s.toLowerCase();
  return [
    { name: 'whole email', queries: people.map((p) => ({ q: p.email })) },
    { name: 'phone', queries: phonePeople.map((p) => ({ q: p.phone })) },
    {
      name: 'last-name prefix (3-6 letters)',
      queries: people.map((p, i) => ({ q: lower(p.lastName.slice(0, 3 + (i % 4))) })),
    },
    {
      name: 'first-name prefix (3 letters)',
      queries: people.map((p) => ({ q: lower(p.firstName.slice(0, 3)) })),
    },
    {
      name: 'fragment inside a name (4 letters)',
      queries: people.map((p, i) => ({ q: lower((i % 2 ? p.lastName : p.firstName).slice(1, 5)) })),
    },
    {
      name: '2-letter fragment',
      queries: people.map((p, i) => ({ q: lower(p.lastName.slice(i % 3, (i % 3) + 2)) })),
    },
    {
      name: 'first name + last-name prefix',
      queries: people.map((p) => ({ q: lower(`${p.firstName} ${p.lastName.slice(0, 4)}`) })),
    },
    {
      name: 'county + first name',
      queries: people.map((p) => ({ q: lower(p.firstName), county: p.countyFips })),
    },
  ];
}
