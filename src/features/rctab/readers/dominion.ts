/**
 * Dominion: a folder with its manifests (Precinct, PrecinctPortion, Contest, Candidate) and the
 * ballots in CvrExport.json or CvrExport_<n>.json files (DominionCvrReader). Adjudicated ("Modified")
 * marks replace the original ones; ambiguous marks and outstacked contests are left out.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type RctabCvr, UWI_LABEL } from '../../../core/rctab/types.ts';
import type { CvrSourceConfig } from '../rctab.config.ts';
import { CvrReadError, toRankings } from './reader.ts';

const EXCLUDE_CONTEST_CONDITION_ID = 7;
type Json = Record<string, unknown>;

async function readJson(path: string): Promise<Json> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Json;
  } catch (error) {
    throw new CvrReadError(path, [`cannot read: ${(error as Error).message}`]);
  }
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

async function manifest(path: string): Promise<Map<string, Json>> {
  const json = await readJson(path);
  return new Map(list(json.List).map((entry) => [String(entry.Id), entry]));
}

export interface DominionContestLimits {
  /** Contest id → NumOfRanks, which caps the ranks a ballot of that contest may use. */
  maxRanks: Map<string, number>;
}

export async function readDominion(path: string, source: CvrSourceConfig): Promise<RctabCvr[]> {
  const precinctFile = join(path, 'PrecinctManifest.json');
  const precincts = existsSync(precinctFile) ? await manifest(precinctFile) : null;
  const portions = await manifest(join(path, 'PrecinctPortionManifest.json'));
  const contests = await manifest(join(path, 'ContestManifest.json'));
  const candidateManifest = await manifest(join(path, 'CandidateManifest.json'));
  const contestCandidates = new Set(
    [...candidateManifest.values()]
      .filter((c) => String(c.ContestId) === source.contestId)
      .map((c) => String(c.Id)),
  );
  let files: string[];
  if (existsSync(join(path, 'CvrExport.json'))) files = [join(path, 'CvrExport.json')];
  else {
    files = (await readdir(path))
      .filter((name) => /^CvrExport_\d+\.json$/.test(name))
      .map((name) => join(path, name))
      .sort();
    if (files.length === 0) throw new CvrReadError(path, ['no CvrExport.json file(s) in the folder']);
  }
  const maxRanks = Number(contests.get(source.contestId)?.NumOfRanks ?? Number.POSITIVE_INFINITY);
  const cvrs: RctabCvr[] = [];
  for (const file of files) {
    const json = await readJson(file);
    for (const session of list(json.Sessions)) {
      const tabulatorId = String(session.TabulatorId);
      const batchId = String(session.BatchId);
      const recordId = String(session.RecordId);
      let data = session.Original as Json;
      if (data.IsCurrent !== true) {
        if (!session.Modified) continue;
        data = session.Modified as Json;
      }
      const precinctId = data.PrecinctId;
      if (precinctId !== undefined && precinctId !== null && !precincts?.has(String(precinctId))) {
        throw new CvrReadError(file, [`precinct id "${precinctId}" is not in PrecinctManifest.json`]);
      }
      const precinct =
        precinctId === undefined || precinctId === null
          ? null
          : String(precincts?.get(String(precinctId))?.Description ?? '');
      const portionId = data.PrecinctPortionId;
      if (portionId !== undefined && portionId !== null && !portions.has(String(portionId))) {
        throw new CvrReadError(file, [
          `precinct portion id "${portionId}" is not in PrecinctPortionManifest.json`,
        ]);
      }
      const portion =
        portionId === undefined || portionId === null
          ? null
          : String(portions.get(String(portionId))?.Description ?? '');
      const cards = data.Cards ? list(data.Cards) : [data];
      for (const card of cards) {
        for (const contest of list(card.Contests)) {
          const contestId = String(contest.Id);
          if (contestId !== source.contestId) continue;
          if (!contests.has(contestId)) throw new CvrReadError(file, [`unknown contest id "${contestId}"`]);
          const outstack = Array.isArray(contest.OutstackConditionIds) ? contest.OutstackConditionIds : [];
          if (outstack.includes(EXCLUDE_CONTEST_CONDITION_ID)) continue;
          const ranked: Array<[number, string]> = [];
          for (const mark of list(contest.Marks)) {
            if (mark.IsAmbiguous === true) continue;
            const candidateId = String(mark.CandidateId);
            ranked.push([
              Number(mark.Rank),
              candidateId === source.undeclaredWriteInLabel ? UWI_LABEL : candidateId,
            ]);
          }
          const id = [tabulatorId, batchId, recordId].filter((part) => part.trim() !== '').join('-');
          for (const [rank, candidate] of ranked) {
            if (rank > maxRanks)
              throw new CvrReadError(file, [
                `CVR "${id}" has a ranking ${rank}, but contest "${contestId}" allows ${maxRanks}`,
              ]);
            if (candidate !== UWI_LABEL && !contestCandidates.has(candidate)) {
              throw new CvrReadError(file, [
                `candidate id "${candidate}" is not a candidate of contest "${contestId}"`,
              ]);
            }
          }
          cvrs.push({
            id,
            suppliedId: recordId,
            contestId,
            tabulatorId,
            precinct,
            precinctPortion: portion,
            batch: batchId,
            rankings: toRankings(ranked),
          });
        }
      }
    }
  }
  if (cvrs.length === 0) throw new CvrReadError(path, ['no cast vote record data found for the contest']);
  return cvrs;
}
