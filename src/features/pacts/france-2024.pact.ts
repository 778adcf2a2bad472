/**
 * A what-if on real data: the French legislative elections of 2024, first round, all 577
 * constituencies, read as a pact file. A few nuance codes become the pact's members (a party's
 * candidates in a constituency pool their votes); every other candidate is an opponent. This is
 * a small reader for the engine's tests and benchmark only: the product's loader for this file
 * lives with the map (src/features/map/datasets/france-legislatives.ts).
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { PactInput } from '../../core/allocate/index.ts';
import { invalid } from '../../core/errors.ts';

export const france2024File = new URL(
  '../../../data/france-legislatives-2024/lg2024-resultats-circonscriptions-une-ligne-par-candidat2.utf8.csv',
  import.meta.url,
);

export interface NuanceMember {
  /** The ministry's nuance code (CodNuaCand), used as the member id. */
  nuance: string;
  /** Left–right position in [-1, 1], our reading (the ministry publishes none). */
  position: number;
}

/**
 * The centre and the right, which in 2024 often ran against each other in the same
 * constituencies: Ensemble (ENS), Les Républicains (LR), Horizons (HOR), UDI, and the miscellaneous
 * right (DVD) and centre (DVC). All sit right of centre here, so transfers among them use the
 * same-side rate. The left (UG) had already pooled its candidates in the Nouveau Front populaire,
 * which leaves a left pact little to share.
 */
export const centreRight2024: readonly NuanceMember[] = [
  { nuance: 'ENS', position: 0.15 },
  { nuance: 'DVC', position: 0.1 },
  { nuance: 'HOR', position: 0.3 },
  { nuance: 'UDI', position: 0.3 },
  { nuance: 'LR', position: 0.6 },
  { nuance: 'DVD', position: 0.6 },
];

interface CandidateRow {
  CodCirElec: string;
  NumPanneauCand: string;
  CodNuaCand: string;
  NbVoix: string;
}

/** Parses the round-1 file (one row per candidate) into a pact whose members are `members`. */
export function france2024Pact(text: string, members: readonly NuanceMember[]): PactInput {
  const header = text.slice(0, text.indexOf('\n'));
  const rows: CandidateRow[] = parse(text, {
    columns: true,
    bom: true,
    delimiter: header.includes(';') ? ';' : ',',
    skip_empty_lines: true,
  });
  const memberIds = new Set(members.map((member) => member.nuance));
  const weights = new Map<string, number>();
  const races = new Map<string, Record<string, number>>();
  rows.forEach((row, at) => {
    const votes = Number(row.NbVoix);
    if (!Number.isInteger(votes) || votes < 0 || !row.CodCirElec || !row.CodNuaCand) {
      throw invalid(
        'france.invalid_row',
        `row ${at + 2}: NbVoix, CodCirElec or CodNuaCand is missing or invalid`,
        {
          row: at + 2,
        },
      );
    }
    const race = races.get(row.CodCirElec) ?? {};
    races.set(row.CodCirElec, race);
    const key = memberIds.has(row.CodNuaCand)
      ? row.CodNuaCand
      : `other:${row.CodNuaCand}#${row.NumPanneauCand}`;
    race[key] = (race[key] ?? 0) + votes;
    if (memberIds.has(row.CodNuaCand))
      weights.set(row.CodNuaCand, (weights.get(row.CodNuaCand) ?? 0) + votes);
  });
  return {
    members: members.map((member) => ({
      id: member.nuance,
      weight: weights.get(member.nuance) ?? 0,
      position: member.position,
    })),
    races: [...races].map(([id, votes]) => ({ id, seats: 1, votes })),
  };
}

export async function loadFrance2024Pact(
  members: readonly NuanceMember[] = centreRight2024,
): Promise<PactInput> {
  return france2024Pact(await readFile(france2024File, 'utf8'), members);
}
