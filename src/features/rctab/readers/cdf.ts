/**
 * NIST SP 1500-103 cast vote record reports, JSON or XML (CommonDataFormatReader): the contest is
 * found by name, selections resolve to candidates (or write-ins), ranks come from the selection or
 * from each SelectionPosition.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { JSONParser } from '@streamparser/json';
import { OVERVOTE_LABEL, type RctabCvr, UWI_LABEL } from '../../../core/rctab/types.ts';
import type { CvrSourceConfig } from '../rctab.config.ts';
import { CvrReadError, toRankings } from './reader.ts';
import { child, children, parseXml, textOf, type XmlNode } from './xml.ts';

/** The parts of a CDF report the reader uses, whichever syntax it came in. */
interface CdfReport {
  gpUnits: Map<string, string>;
  candidates: Map<string, string>;
  contest: { id: string; selections: Map<string, { writeIn: boolean; candidateIds: string[] }> } | null;
  cvrs: CdfCvr[];
}

interface CdfCvr {
  uniqueId: string | null;
  ballotStyleUnitId: string | null;
  batchSequenceId: string | null;
  /** The current snapshot's selections for the contest, or null when it has none. */
  selections: Array<{
    contestSelectionId: string;
    status: string | null;
    rank: string | null;
    positions: Array<{
      rank: string | null;
      hasIndication: string | null;
      isAllocable: string | null;
      writeIn: boolean;
    }>;
  }> | null;
}

export async function readCdf(path: string, source: CvrSourceConfig): Promise<RctabCvr[]> {
  const report = /\.xml$/i.test(path)
    ? fromXml(path, await readFile(path, 'utf8'), source.contestId)
    : fromJson(await readJsonReport(path), source.contestId);
  const contest = report.contest;
  if (!contest)
    throw new CvrReadError(path, [`contest "${source.contestId}" from the config is not in the file`]);
  const fileName = basename(path);
  const cvrs: RctabCvr[] = [];
  let index = 0;
  for (const cvr of report.cvrs) {
    if (cvr.selections === null) continue;
    const ranked: Array<[number, string]> = [];
    for (const selection of cvr.selections) {
      if (selection.status === 'needs-adjudication') continue;
      const contestSelection = contest.selections.get(selection.contestSelectionId);
      if (!contestSelection)
        throw new CvrReadError(path, [
          `ContestSelection "${selection.contestSelectionId}" from a CVR is not defined`,
        ]);
      let name: string;
      if (contestSelection.writeIn) name = UWI_LABEL;
      else {
        const candidateId = contestSelection.candidateIds[0];
        if (candidateId === undefined)
          throw new CvrReadError(path, [
            `ContestSelection "${selection.contestSelectionId}" has no CandidateIds`,
          ]);
        const candidate = report.candidates.get(candidateId);
        if (candidate === undefined)
          throw new CvrReadError(path, [`candidate "${candidateId}" is not in the candidate list`]);
        name = candidate === source.overvoteLabel ? OVERVOTE_LABEL : candidate;
      }
      if (selection.rank !== null) {
        ranked.push([Number(selection.rank), name]);
        continue;
      }
      for (const position of selection.positions) {
        if (position.writeIn) name = UWI_LABEL;
        if (position.hasIndication === 'no' || position.isAllocable === 'no') continue;
        if (position.rank === null)
          throw new CvrReadError(path, [`a selection position of CVR "${cvr.uniqueId}" has no Rank`]);
        ranked.push([Number(position.rank), name]);
      }
    }
    let precinct: string | null = null;
    if (cvr.ballotStyleUnitId !== null) {
      precinct = report.gpUnits.get(cvr.ballotStyleUnitId) ?? null;
    }
    index += 1;
    cvrs.push({
      id: `${fileName}(${index})`,
      suppliedId: cvr.uniqueId,
      contestId: null,
      tabulatorId: null,
      precinct,
      precinctPortion: null,
      batch: cvr.batchSequenceId,
      rankings: toRankings(ranked),
    });
  }
  return cvrs;
}

type Json = Record<string, unknown>;

/**
 * A CDF JSON report read as it streams: a file of a million ballots is larger than the biggest string
 * V8 can hold, so it is never read whole. Each CVR keeps only its current snapshot.
 */
async function readJsonReport(path: string): Promise<Json> {
  const report: { GpUnit: Json[]; Election: Json[]; CVR: Json[] } = { GpUnit: [], Election: [], CVR: [] };
  const parser = new JSONParser({ paths: ['$.GpUnit.*', '$.Election.*', '$.CVR.*'], keepStack: false });
  parser.onValue = ({ value, parent, stack }) => {
    const section = stack[1]?.key;
    if (Array.isArray(parent)) parent.length = 0; // forget each element once taken
    if (typeof value !== 'object' || value === null) return;
    if (section === 'GpUnit' || section === 'Election') report[section].push(value as Json);
    else if (section === 'CVR') report.CVR.push(compactCvr(value as Json));
  };
  try {
    for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      parser.write(chunk as string);
    }
    if (!parser.isEnded) parser.end();
  } catch (error) {
    throw new CvrReadError(path, [`not valid JSON: ${(error as Error).message}`]);
  }
  return report;
}

/** A CVR as little as the count needs: ids and, per contest of its current snapshot, its selections. */
interface CompactCvr {
  uniqueId: string | null;
  ballotStyleUnitId: string | null;
  batchSequenceId: string | null;
  contests: Array<[contestId: string, selections: NonNullable<CdfCvr['selections']>]>;
}

function jsonList(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

function jsonText(value: unknown): string | null {
  return value === undefined || value === null ? null : String(value);
}

function compactCvr(cvr: Json): Json {
  const snapshot = jsonList(cvr.CVRSnapshot).find((s) => s['@id'] === cvr.CurrentSnapshotId);
  const compact: CompactCvr = {
    uniqueId: jsonText(cvr.BallotPrePrintedId),
    ballotStyleUnitId: jsonText(cvr.BallotStyleUnitId),
    batchSequenceId: jsonText(cvr.BatchSequenceId),
    contests: jsonList(snapshot?.CVRContest).map((contest) => [
      String(contest.ContestId),
      jsonList(contest.CVRContestSelection).map((selection) => ({
        contestSelectionId: String(selection.ContestSelectionId),
        status: null,
        rank: jsonText(selection.Rank),
        positions: jsonList(selection.SelectionPosition).map((position) => ({
          rank: jsonText(position.Rank),
          hasIndication: jsonText(position.HasIndication),
          isAllocable: jsonText(position.IsAllocable),
          writeIn: position.CVRWriteIn !== undefined,
        })),
      })),
    ]),
  };
  return compact as unknown as Json;
}

function fromJson(json: Json, contestName: string): CdfReport {
  const list = jsonList;
  const gpUnits = new Map(list(json.GpUnit).map((unit) => [String(unit['@id']), String(unit.Name ?? '')]));
  const candidates = new Map<string, string>();
  let contest: CdfReport['contest'] = null;
  for (const election of list(json.Election)) {
    for (const candidate of list(election.Candidate))
      candidates.set(String(candidate['@id']), String(candidate.Name ?? ''));
    for (const entry of list(election.Contest)) {
      if (entry.Name === contestName) {
        contest = {
          id: String(entry['@id']),
          selections: new Map(
            list(entry.ContestSelection).map((selection) => [
              String(selection['@id']),
              {
                writeIn: selection.IsWriteIn === true || selection.IsWriteIn === 'true',
                candidateIds: Array.isArray(selection.CandidateIds) ? selection.CandidateIds.map(String) : [],
              },
            ]),
          ),
        };
        break;
      }
    }
  }
  const cvrs: CdfCvr[] = (json.CVR as unknown as CompactCvr[]).map((cvr) => ({
    uniqueId: cvr.uniqueId,
    ballotStyleUnitId: cvr.ballotStyleUnitId,
    batchSequenceId: cvr.batchSequenceId,
    selections: cvr.contests.find(([id]) => id === contest?.id)?.[1] ?? null,
  }));
  return { gpUnits, candidates, contest, cvrs };
}

function fromXml(path: string, text: string, contestName: string): CdfReport {
  const report = child(parseXml(text), 'CastVoteRecordReport');
  if (!report) throw new CvrReadError(path, ['no <CastVoteRecordReport> element']);
  if (children(report, 'GpUnit').length === 0) {
    throw new CvrReadError(path, ['field "GpUnit" is missing (common with older, unsupported formats)']);
  }
  const id = (node: XmlNode) => textOf(node, 'ObjectId') ?? '';
  const gpUnits = new Map(children(report, 'GpUnit').map((unit) => [id(unit), textOf(unit, 'Name') ?? '']));
  const candidates = new Map<string, string>();
  let contest: CdfReport['contest'] = null;
  for (const election of children(report, 'Election')) {
    for (const candidate of children(election, 'Candidate'))
      candidates.set(id(candidate), textOf(candidate, 'Name') ?? '');
    for (const entry of children(election, 'Contest')) {
      if (contest === null && textOf(entry, 'Name') === contestName) {
        contest = {
          id: id(entry),
          selections: new Map(
            children(entry, 'ContestSelection').map((selection) => [
              id(selection),
              {
                writeIn: textOf(selection, 'IsWriteIn') === 'true',
                candidateIds: children(selection, 'CandidateIds').map((c) => String(c['#text'] ?? '')),
              },
            ]),
          ),
        };
      }
    }
  }
  const cvrs: CdfCvr[] = children(report, 'CVR').map((cvr) => {
    const current = textOf(cvr, 'CurrentSnapshotId');
    const snapshot = children(cvr, 'CVRSnapshot').find((s) => id(s) === current);
    const cvrContest = children(snapshot, 'CVRContest').find((c) => textOf(c, 'ContestId') === contest?.id);
    return {
      uniqueId: textOf(cvr, 'UniqueId'),
      ballotStyleUnitId: textOf(cvr, 'BallotStyleUnitId'),
      batchSequenceId: textOf(cvr, 'BatchSequenceId'),
      selections: cvrContest
        ? children(cvrContest, 'CVRContestSelection').map((selection) => ({
            contestSelectionId: textOf(selection, 'ContestSelectionId') ?? '',
            status: textOf(selection, 'Status'),
            rank: textOf(selection, 'Rank'),
            positions: children(selection, 'SelectionPosition').map((position) => ({
              rank: textOf(position, 'Rank'),
              hasIndication: textOf(position, 'HasIndication'),
              isAllocable: textOf(position, 'IsAllocable'),
              writeIn: children(position, 'CVRWriteIn').length > 0,
            })),
          }))
        : null,
    };
  });
  return { gpUnits, candidates, contest, cvrs };
}
