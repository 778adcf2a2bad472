import type { Bundle } from './bundle.ts';
import { parseCountyFile, parseCountyFile0816, parseCountyFile2016 } from './county-president.ts';
import { atlasCoverageIssues } from './coverage.ts';
import { parseFranceLegislatives } from './france-legislatives.ts';
import { buildGeography } from './geography.ts';
import { parseHouseFile } from './house-district.ts';
import { parseLeanDistricts, parseLeanStates } from './partisan-lean.ts';
import { parseStatePresident1976, parseStatePresident2024 } from './state-president.ts';
import { type AtlasTopology, atlasUnits } from './us-atlas.ts';

/** What a dataset's parser gets: its files' text (in `files` order) and the us-atlas counties. */
export interface DatasetInputs {
  texts: string[];
  atlas: AtlasTopology;
}

export interface DatasetDefinition {
  id: string;
  title: string;
  /** Paths under data/ (or `us-atlas:<file>` for the npm package's files). */
  files: string[];
  parse(inputs: DatasetInputs): Bundle;
}

const text = (inputs: DatasetInputs, index: number): string => inputs.texts[index] ?? '';

/** A county set also lists every us-atlas county it does not join, with the reason. */
function withCoverage(parse: (inputs: DatasetInputs) => Bundle) {
  return (inputs: DatasetInputs): Bundle => {
    const bundle = parse(inputs);
    const issues = atlasCoverageIssues(bundle, atlasUnits(inputs.atlas.objects.counties));
    return { ...bundle, issues: [...bundle.issues, ...issues] };
  };
}

const county = 'us-county-president';

/** The shipped datasets, in load order (geography first: everything else joins to it). */
export const datasets: readonly DatasetDefinition[] = [
  {
    id: 'us-geography',
    title: 'US states and counties (us-atlas) and France',
    files: ['us-atlas:counties-10m'],
    parse: ({ atlas }) =>
      buildGeography({
        states: atlasUnits(atlas.objects.states),
        counties: atlasUnits(atlas.objects.counties),
      }),
  },
  {
    id: 'us-president-2024-county',
    title: 'US President 2024 by county (tonmcg)',
    files: [`${county}/2024_US_County_Level_Presidential_Results.csv`],
    parse: withCoverage((inputs) =>
      parseCountyFile(text(inputs, 0), '2024_US_County_Level_Presidential_Results.csv', 2024),
    ),
  },
  {
    id: 'us-president-2020-county',
    title: 'US President 2020 by county (tonmcg)',
    files: [`${county}/2020_US_County_Level_Presidential_Results.csv`],
    parse: withCoverage((inputs) =>
      parseCountyFile(text(inputs, 0), '2020_US_County_Level_Presidential_Results.csv', 2020),
    ),
  },
  {
    id: 'us-president-2016-county',
    title: 'US President 2016 by county (tonmcg)',
    files: [`${county}/2016_US_County_Level_Presidential_Results.csv`],
    parse: withCoverage((inputs) =>
      parseCountyFile2016(text(inputs, 0), '2016_US_County_Level_Presidential_Results.csv'),
    ),
  },
  {
    id: 'us-president-2008-2012-county',
    title: 'US President 2008 and 2012 by county (tonmcg)',
    files: [`${county}/US_County_Level_Presidential_Results_08-16.csv`],
    parse: withCoverage((inputs) =>
      parseCountyFile0816(text(inputs, 0), 'US_County_Level_Presidential_Results_08-16.csv'),
    ),
  },
  {
    id: 'us-president-1976-2020-state',
    title: 'US President 1976–2020 by state (MEDSL)',
    files: ['us-state-president/1976-2020-president.csv'],
    parse: (inputs) => parseStatePresident1976(text(inputs, 0), '1976-2020-president.csv'),
  },
  {
    id: 'us-president-2024-state',
    title: 'US President 2024 by state (MEDSL)',
    files: ['us-state-president/2024-president-state.csv'],
    parse: (inputs) => parseStatePresident2024(text(inputs, 0), '2024-president-state.csv'),
  },
  {
    id: 'us-house-1976-2020',
    title: 'US House 1976–2020 by district (MEDSL)',
    files: ['us-house-district/1976-2020-house.csv'],
    parse: (inputs) => parseHouseFile(text(inputs, 0), '1976-2020-house.csv'),
  },
  ...[2021, 2022].map(
    (year): DatasetDefinition => ({
      id: `538-partisan-lean-${year}`,
      title: `FiveThirtyEight partisan lean ${year} (districts and states)`,
      files: [
        `fivethirtyeight/partisan-lean-${year}/fivethirtyeight_partisan_lean_DISTRICTS.csv`,
        `fivethirtyeight/partisan-lean-${year}/fivethirtyeight_partisan_lean_STATES.csv`,
      ],
      parse: (inputs) => {
        const districts = parseLeanDistricts(text(inputs, 0), `partisan-lean-${year}/…DISTRICTS.csv`, year);
        const states = parseLeanStates(text(inputs, 1), `partisan-lean-${year}/…STATES.csv`, year);
        return mergeBundles(districts, states);
      },
    }),
  ),
  {
    id: 'fr-legislatives-2024-t1',
    title: 'France, legislative elections 2024, round 1, by constituency',
    files: ['france-legislatives-2024/lg2024-resultats-circonscriptions-une-ligne-par-candidat2.utf8.csv'],
    parse: (inputs) => parseFranceLegislatives(text(inputs, 0), 'lg2024-…-candidat2.utf8.csv'),
  },
];

export const datasetById = (id: string) => datasets.find((d) => d.id === id);

function mergeBundles(a: Bundle, b: Bundle): Bundle {
  return {
    jurisdictions: [...a.jurisdictions, ...b.jurisdictions],
    elections: [...a.elections, ...b.elections],
    races: [...a.races, ...b.races],
    resultSets: [...a.resultSets, ...b.resultSets],
    units: [...a.units, ...b.units],
    votes: [...a.votes, ...b.votes],
    issues: [...a.issues, ...b.issues],
  };
}
