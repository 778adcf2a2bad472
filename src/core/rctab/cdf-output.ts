/**
 * RCTab's conversion of cast vote records to NIST CDF JSON (OutputWriter.generateCdfJson): an
 * "original" snapshot of each ballot's rankings, then one "interpreted" snapshot per round saying
 * which selection the ballot's value was allocated to.
 */

import type { JsonValue } from './jackson-json.ts';
import { javaHashOrder } from './java-collections.ts';
import { JavaDecimal } from './java-decimal.ts';
import { sanitizeForOutput } from './sanitize.ts';
import type { BallotSnapshots } from './tabulator.ts';
import { OVERVOTE_LABEL, type RctabCvr } from './types.ts';

export interface CdfOutputInput {
  cvrs: readonly RctabCvr[];
  /** Per-ballot allocations by round; null when converting without tabulating (0 rounds). */
  snapshots: BallotSnapshots | null;
  numRounds: number;
  contestName: string;
  jurisdiction: string;
  /** Every candidate name of the config (with the undeclared write-in label when used). */
  candidateNames: readonly string[];
  includeOvervoteCandidate: boolean;
  /** Precinct ids in the order RCTab numbers them, when tabulating by precinct. */
  precincts: readonly string[] | null;
  generatedDate: string;
}

export function cdfCvrReport(input: CdfOutputInput): JsonValue {
  const gpUnitByPrecinct = new Map<string, string>();
  for (const [index, precinct] of (input.precincts ?? []).entries())
    gpUnitByPrecinct.set(precinct, `gpu-${index + 1}`);
  const cvrs: JsonValue[] = input.cvrs.map((cvr, index) => {
    const id = sanitizeForOutput(cvr.id);
    const snapshots: JsonValue[] = [snapshot(cvr, id, null, null)];
    let previous: ReadonlyArray<readonly [string, JavaDecimal]> | null = null;
    for (let round = 1; round <= input.numRounds; round++) {
      const current: ReadonlyArray<readonly [string, JavaDecimal]> | null =
        input.snapshots?.[index]?.get(round) ?? previous;
      if (current === null) throw new Error(`no allocation recorded for ballot ${id} in round ${round}`);
      snapshots.push(snapshot(cvr, id, round, current));
      previous = current;
    }
    const entry: Record<string, JsonValue> = {
      BallotPrePrintedId: id,
      CurrentSnapshotId: snapshotId(id, input.numRounds),
      CVRSnapshot: snapshots,
      ElectionId: 'election-001',
      '@type': 'CVR',
    };
    if (input.precincts) entry.BallotStyleUnitId = gpUnitByPrecinct.get(cvr.precinct ?? '') ?? null;
    return entry;
  });
  const names = [...input.candidateNames, ...(input.includeOvervoteCandidate ? [OVERVOTE_LABEL] : [])].sort(
    (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  const election: JsonValue = {
    '@id': 'election-001',
    Candidate: names.map((name) => ({ '@id': candidateId(name), Name: name })),
    Contest: [
      {
        '@id': 'contest-001',
        '@type': 'CandidateContest',
        ContestSelection: names.map((name) => ({
          '@id': selectionId(name),
          '@type': 'ContestSelection',
          CandidateIds: [candidateId(name)],
        })),
        Name: input.contestName,
      },
    ],
    ElectionScopeId: 'gpu-election',
    '@type': 'Election',
  };
  const gpUnits: JsonValue[] = [
    {
      '@id': 'gpu-election',
      Type: 'other',
      OtherType: 'Election Scope Jurisdiction',
      Name: input.jurisdiction,
      '@type': 'GpUnit',
    },
    ...javaHashOrder(gpUnitByPrecinct.keys()).map((precinct) => ({
      '@id': gpUnitByPrecinct.get(precinct) as string,
      Type: 'precinct',
      Name: precinct,
      '@type': 'GpUnit',
    })),
  ];
  return {
    CVR: cvrs,
    Election: [election],
    GeneratedDate: input.generatedDate,
    GpUnit: gpUnits,
    ReportGeneratingDeviceIds: ['rd-001'],
    ReportingDevice: [
      { '@id': 'rd-001', '@type': 'CVR.ReportingDevice', Application: 'RCTab', Manufacturer: 'Bright Spots' },
    ],
    Version: '1.0.0',
    '@type': 'CVR.CastVoteRecordReport',
  };
}

function snapshotId(id: string, round: number | null): string {
  return round !== null && round > 0 ? `ballot-${id}-round-${round}` : `ballot-${id}`;
}

function selectionId(name: string): string {
  return `cs-${sanitizeForOutput(name).toLowerCase()}`;
}

function candidateId(name: string): string {
  return `c-${sanitizeForOutput(name).toLowerCase()}`;
}

function snapshot(
  cvr: RctabCvr,
  id: string,
  round: number | null,
  allocation: ReadonlyArray<readonly [string, JavaDecimal]> | null,
): JsonValue {
  const selections: JsonValue[] = candidatesWithRanks(cvr).map(([name, ranks]) => {
    let allocable = 'unknown';
    let votes = JavaDecimal.ONE;
    if (allocation !== null) {
      const found = allocation.find(([candidate]) => candidate === name);
      if (found) {
        allocable = 'yes';
        votes = found[1];
      } else allocable = 'no';
    }
    let fractional: string | null = null;
    if (!votes.equals(JavaDecimal.ONE)) {
      const remainder = votes.subtract(JavaDecimal.fromInt(Number(votes.toBigInt())));
      if (remainder.signum() === 1) fractional = remainder.toString().slice(1);
    }
    const positions: JsonValue[] = ranks.map((rank) => {
      const position: Record<string, JsonValue> = {
        HasIndication: 'yes',
        IsAllocable: allocable,
        NumberVotes: Number(votes.toBigInt()),
        Rank: rank,
        '@type': 'CVR.SelectionPosition',
      };
      if (fractional !== null) position.FractionalVotes = fractional;
      if (allocable === 'yes') allocable = 'no'; // only the first of duplicate rankings is allocable
      return position;
    });
    return {
      ContestSelectionId: selectionId(name),
      SelectionPosition: positions,
      '@type': 'CVR.CVRContestSelection',
    };
  });
  return {
    '@id': snapshotId(id, round),
    CVRContest: [{ ContestId: 'contest-001', CVRContestSelection: selections, '@type': 'CVR.CVRContest' }],
    Type: round !== null ? 'interpreted' : 'original',
    '@type': 'CVR.CVRSnapshot',
  };
}

/** Each candidate string with its ranks ascending, ordered by best rank then name. */
function candidatesWithRanks(cvr: RctabCvr): Array<[string, number[]]> {
  const ranks = new Map<string, number[]>();
  for (const [rank, candidates] of cvr.rankings) {
    for (const candidate of candidates) {
      const list = ranks.get(candidate);
      if (list) list.push(rank);
      else ranks.set(candidate, [rank]);
    }
  }
  return [...ranks.entries()]
    .map(([name, list]) => [name, list.sort((a, b) => a - b)] as [string, number[]])
    .sort((a, b) => (a[1][0] as number) - (b[1][0] as number) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
