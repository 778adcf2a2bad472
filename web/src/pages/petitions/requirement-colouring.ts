import type { RequirementView } from '../../api/petitions.ts';
import type { MapColouring } from '../../components/map/colouring.ts';
import type { MapPlace } from '../../components/map/map-geometry.ts';

const fipsByUsps: Record<string, string> = {
  AL: '01',
  AK: '02',
  AZ: '04',
  AR: '05',
  CA: '06',
  CO: '08',
  CT: '09',
  DE: '10',
  DC: '11',
  FL: '12',
  GA: '13',
  HI: '15',
  ID: '16',
  IL: '17',
  IN: '18',
  IA: '19',
  KS: '20',
  KY: '21',
  LA: '22',
  ME: '23',
  MD: '24',
  MA: '25',
  MI: '26',
  MN: '27',
  MS: '28',
  MO: '29',
  MT: '30',
  NE: '31',
  NV: '32',
  NH: '33',
  NJ: '34',
  NM: '35',
  NY: '36',
  NC: '37',
  ND: '38',
  OH: '39',
  OK: '40',
  OR: '41',
  PA: '42',
  RI: '44',
  SC: '45',
  SD: '46',
  TN: '47',
  TX: '48',
  UT: '49',
  VT: '50',
  VA: '51',
  WA: '53',
  WV: '54',
  WI: '55',
  WY: '56',
};

/** The shipped requirement of a kind for each state, keyed by the state's FIPS code (the map's place id). */
export function requirementsByFips(requirements: readonly RequirementView[], kind: RequirementView['kind']) {
  const map = new Map<string, RequirementView>();
  for (const r of requirements) {
    if (r.origin !== 'shipped' || r.kind !== kind) continue;
    const fips = fipsByUsps[r.jurisdiction.replace('US-', '')];
    if (fips) map.set(fips, r);
  }
  return map;
}

const difficultySteps = [
  { below: 1, color: '#eef4f8', label: 'under 1 per 1,000 voters' },
  { below: 5, color: '#b9d3e6', label: '1 to 5' },
  { below: 10, color: '#6fa3cc', label: '5 to 10' },
  { below: 20, color: '#2f6b9a', label: '10 to 20' },
  { below: Number.POSITIVE_INFINITY, color: '#163a5c', label: '20 or more' },
];
const none = { color: '#f4f4f4', hatched: true };

const describe = (r: RequirementView | undefined) =>
  r
    ? [
        r.signatures === null
          ? `No number (${r.numberStatus})`
          : `${r.signatures.toLocaleString('en-US')} signatures (${r.numberStatus})`,
        r.perThousandVoters === null ? 'difficulty unknown' : `${r.perThousandVoters} per 1,000 voters`,
        r.deadline ? `deadline ${r.deadline}` : 'no dated deadline',
      ]
    : ['no requirement shipped'];

/** States coloured by signatures per 1,000 voters (the latest presidential vote); hatched where the number is missing. */
export function difficultyColouring(byFips: Map<string, RequirementView>): MapColouring {
  return {
    title: 'Signatures per 1,000 voters',
    legend: [
      ...difficultySteps.map((s) => ({ label: s.label, color: s.color })),
      { label: 'number missing', ...none },
    ],
    fill: (place: MapPlace) => {
      const value = byFips.get(place.id)?.perThousandVoters;
      if (value === null || value === undefined) return none;
      return { color: difficultySteps.find((s) => value < s.below)?.color ?? '#163a5c', hatched: false };
    },
    describe: (place) => describe(byFips.get(place.id)),
  };
}

const deadlineSteps = [
  { before: '2024-03-01', color: '#7a3b8f', label: 'before March' },
  { before: '2024-06-01', color: '#b77fc9', label: 'March to May' },
  { before: '2024-09-01', color: '#e3c6ec', label: 'June to August' },
  { before: '9999-12-31', color: '#f6ecf9', label: 'September or later' },
];

/** States coloured by how early the (2024-cycle) deadline falls; hatched where no date was captured. */
export function deadlineColouring(byFips: Map<string, RequirementView>): MapColouring {
  return {
    title: 'Deadline (2024 cycle, as listed)',
    legend: [
      ...deadlineSteps.map((s) => ({ label: s.label, color: s.color })),
      { label: 'no date captured', ...none },
    ],
    fill: (place) => {
      const day = byFips.get(place.id)?.deadline;
      if (!day) return none;
      const d = `2024${day.slice(4)}`;
      return { color: deadlineSteps.find((s) => d < s.before)?.color ?? '#f6ecf9', hatched: false };
    },
    describe: (place) => describe(byFips.get(place.id)),
  };
}
