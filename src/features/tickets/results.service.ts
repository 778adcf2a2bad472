import type { Actor } from '../../core/actor.ts';
import { requireStaff } from '../../core/authorize.ts';
import { invalid } from '../../core/errors.ts';
import { type RaceOutcomeInput, reportPactResults } from '../../core/tickets/pact-report.ts';
import {
  decideRetention,
  type RetentionOffice,
  type RetentionVerdict,
} from '../../core/tickets/retention.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit, candidateResultRowId } from '../audit/index.ts';
import { readCsv } from '../map/index.ts';
import { ratifiedPacts } from '../pacts/index.ts';
import { loadBallotAccess } from './ballot-access.ts';
import { moveCandidate } from './candidates.service.ts';
import { ratifiedAssignments } from './pact-assignments.service.ts';
import { resolvePlaces } from './places.service.ts';
import * as repo from './tickets.repository.ts';
import { storedDissidence } from './views.service.ts';

const required = ['election', 'jurisdiction', 'office', 'candidate', 'line', 'votes'] as const;

interface RowError {
  row: number;
  field: string;
  message: string;
}

/**
 * Imports candidate results per race and per line from a CSV (`election,jurisdiction,office,
 * candidate,line,votes`: election slug, jurisdiction `kind:code`, one row per candidate and line).
 * All or nothing: any bad row is reported with its row, field and reason and nothing changes. The
 * races in the file get exactly the file's rows; on-ballot candidates become elected or defeated.
 */
export async function importResults(
  db: Db,
  actor: Actor,
  input: { file: string; text: string; dryRun: boolean },
) {
  requireStaff(actor, 'import results');
  const table = readCsv(input.text, { file: input.file, required });
  const races = await repo.findRacesByKeys(db, actor.coalitionId, [
    ...new Set(table.rows.map((r) => r.values.election ?? '')),
  ]);
  const raceByKey = new Map(races.map((r) => [`${r.slug}|${r.kind}:${r.code}|${r.office}`, r]));
  const errors: RowError[] = [];
  const parsed: { race_id: string; candidate_name: string; line: string; votes: number; row: number }[] = [];
  const seen = new Set<string>();
  for (const { row, values } of table.rows) {
    const key = `${values.election}|${values.jurisdiction}|${values.office}`;
    const race = raceByKey.get(key);
    if (!race)
      errors.push({
        row,
        field: 'election/jurisdiction/office',
        message: `no race ${values.office} in ${values.jurisdiction} at ${values.election}`,
      });
    if (!values.candidate) errors.push({ row, field: 'candidate', message: 'empty' });
    const votes = /^\d+$/.test(values.votes ?? '') ? Number(values.votes) : Number.NaN;
    if (!Number.isSafeInteger(votes))
      errors.push({ row, field: 'votes', message: `"${values.votes}" is not a whole number of votes` });
    const unique = `${key}|${values.candidate}|${values.line}`;
    if (seen.has(unique))
      errors.push({
        row,
        field: 'line',
        message: `${values.candidate} on "${values.line}" appears twice in this race`,
      });
    seen.add(unique);
    if (race && values.candidate && Number.isSafeInteger(votes))
      parsed.push({
        race_id: race.id,
        candidate_name: values.candidate ?? '',
        line: values.line ?? '',
        votes,
        row,
      });
  }
  if (errors.length > 0)
    throw invalid(
      'results.invalid_rows',
      `${input.file}: ${errors.length} bad row(s); nothing was imported. First: row ${errors[0]?.row}, ${errors[0]?.field}: ${errors[0]?.message}`,
      {
        file: input.file,
        errors: errors.slice(0, 200),
      },
    );

  const raceIds = [...new Set(parsed.map((p) => p.race_id))];
  const candidates = await repo.listCandidates(db, actor.coalitionId, { raceIds });
  const match = (raceId: string, name: string) =>
    candidates.find(
      (c) => c.race_id === raceId && c.name.toLowerCase() === name.toLowerCase() && c.status !== 'rejected',
    ) ?? null;
  const rows = parsed.map((p) => ({ ...p, candidate_id: match(p.race_id, p.candidate_name)?.id ?? null }));
  // The races' earlier results are replaced: those not imported again are recorded as deleted.
  const previous = await repo.listResults(db, actor.coalitionId, raceIds);
  await repo.replaceResults(
    db,
    actor.coalitionId,
    raceIds,
    rows.map(({ row: _row, ...r }) => r),
    actor.userId,
  );
  const seats = new Map(races.map((r) => [r.id, r.seats]));
  const statusChanges: { candidateId: string; name: string; to: 'elected' | 'defeated' }[] = [];
  for (const raceId of raceIds) {
    const totals = totalsByCandidate(rows.filter((r) => r.race_id === raceId));
    const winners = new Set(totals.slice(0, seats.get(raceId) ?? 1).map((t) => t.name.toLowerCase()));
    for (const candidate of candidates.filter((c) => c.race_id === raceId && c.status === 'on_ballot')) {
      const to = winners.has(candidate.name.toLowerCase()) ? 'elected' : 'defeated';
      await moveCandidate(db, actor, candidate, to === 'elected' ? 'elect' : 'defeat', null, {
        via: 'results',
        file: input.file,
      });
      statusChanges.push({ candidateId: candidate.id, name: candidate.name, to });
    }
  }
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'results.imported',
    subject: null,
    rows: rows.map((r) => ({ table: 'candidate_results', id: candidateResultRowId(r) })),
    deletedRows: previous.map((r) => ({ table: 'candidate_results', id: candidateResultRowId(r) })),
    payload: { file: input.file, races: raceIds.length, rows: rows.length, statusChanges },
  });
  return {
    dryRun: input.dryRun,
    races: raceIds.length,
    rows: rows.length,
    matchedCandidates: new Set(rows.flatMap((r) => (r.candidate_id ? [r.candidate_id] : []))).size,
    statusChanges,
  };
}

function totalsByCandidate(rows: readonly { candidate_name: string; votes: number }[]) {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.candidate_name, (totals.get(r.candidate_name) ?? 0) + Number(r.votes));
  return [...totals]
    .map(([name, votes]) => ({ name, votes }))
    .sort((a, b) => b.votes - a.votes || a.name.localeCompare(b.name));
}

const retentionOffices: Record<string, RetentionOffice> = {
  us_president: 'us_president',
  governor: 'governor',
  us_senate: 'us_senate',
  secretary_of_state: 'secretary_of_state',
  us_house: 'us_house',
  general_assembly: 'general_assembly',
};

/**
 * Per ratified races pact: each member's races won against the wins the ratified version expected,
 * the races lost by less than what a dissident or a member running its own line took; and, for each
 * member's line in a race with results, whether the party keeps its ballot line there.
 */
export async function pactResultsReport(db: Db, actor: Actor, now = new Date()) {
  const ratified = (await ratifiedPacts(db, actor.coalitionId, now)).filter((r) => r.pact.kind === 'races');
  const members = await repo.listMembers(db, actor.coalitionId);
  const memberByName = new Map(members.map((m) => [m.name.toLowerCase(), m]));
  const names = new Map(members.map((m) => [m.id, m.name]));
  const pactRaces = await repo.listPactMapRaces(
    db,
    ratified.map((r) => r.pact.id),
  );
  const raceIds = [...new Set(pactRaces.flatMap((r) => (r.map_race_id ? [r.map_race_id] : [])))];
  const assignments = await ratifiedAssignments(db, actor.coalitionId, raceIds, now);
  const results = await repo.listResults(db, actor.coalitionId, raceIds);
  const candidates = await repo.listCandidates(db, actor.coalitionId, { raceIds });
  const lines = await repo.listLines(
    db,
    actor.coalitionId,
    candidates.map((c) => c.id),
  );
  const pacts = ratified.map((entry) => {
    const races: RaceOutcomeInput[] = [];
    let expected = new Map<string, number>();
    for (const [raceId, list] of assignments) {
      const a = list.find((x) => x.pactId === entry.pact.id);
      if (!a) continue;
      expected = new Map(a.expectedWins);
      const byCandidate = new Map<string, { votes: number; lines: string[]; candidateId: string | null }>();
      for (const r of results.filter((x) => x.race_id === raceId)) {
        const c = byCandidate.get(r.candidate_name) ?? { votes: 0, lines: [], candidateId: r.candidate_id };
        c.votes += Number(r.votes);
        c.lines.push(r.line);
        byCandidate.set(r.candidate_name, c);
      }
      races.push({
        raceKey: a.raceKey,
        raceName: a.raceName,
        assignedTo: a.organizationId,
        candidates: [...byCandidate].map(([name, c]) => {
          const ours = candidates.find((x) => x.id === c.candidateId);
          const nominators = ours
            ? [
                ours.organization_id,
                ...lines
                  .filter((l) => l.candidate_id === ours.id)
                  .flatMap((l) => (l.organization_id ? [l.organization_id] : [])),
              ]
            : [];
          const lineMember = c.lines.map((l) => memberByName.get(l.toLowerCase())).find(Boolean);
          const pactCandidate = a.organizationId !== null && nominators.includes(a.organizationId);
          return {
            name,
            organizationId: ours?.organization_id ?? lineMember?.id ?? null,
            pactCandidate,
            dissident: ours ? storedDissidence(ours).length > 0 : false,
            votes: c.votes,
          };
        }),
      });
    }
    const report = reportPactResults(races, expected);
    return {
      pactId: entry.pact.id,
      pactName: entry.pact.name,
      version: entry.version,
      members: report.members.map((m) => ({ ...m, name: names.get(m.organizationId) ?? '' })),
      costlyLosses: report.costlyLosses.map((l) => ({
        ...l,
        assignedToName: names.get(l.assignedTo) ?? '',
        takenBy: l.takenBy.map((t) => ({ ...t, memberName: names.get(t.organizationId) ?? '' })),
      })),
      missingResults: report.missingResults,
      missingRaceNames: report.missingResults.map(
        (key) => races.find((r) => r.raceKey === key)?.raceName ?? key,
      ),
    };
  });
  return { pacts, retention: await retentionReport(db, actor, members) };
}

/** Each member's line in every race with results, against its state's retention rule. */
async function retentionReport(db: Db, actor: Actor, members: Awaited<ReturnType<typeof repo.listMembers>>) {
  const all = await repo.listAllResults(db, actor.coalitionId);
  const raceIds = [...new Set(all.map((r) => r.race_id))];
  const races = await repo.findRaces(db, actor.coalitionId, raceIds);
  const places = await resolvePlaces(
    db,
    actor.coalitionId,
    races.map((r) => r.jurisdiction_id),
  );
  const { rows: access } = await loadBallotAccess();
  const out: {
    raceId: string;
    raceName: string;
    statePo: string;
    line: string;
    organizationId: string;
    lineVotes: number;
    verdict: RetentionVerdict;
  }[] = [];
  for (const race of races) {
    const statePo = places.get(race.jurisdiction_id)?.place.statePo;
    const office = retentionOffices[race.office];
    if (!statePo) continue;
    const mine = all.filter((r) => r.race_id === race.id);
    const total = mine.reduce((s, r) => s + Number(r.votes), 0);
    const winner = totalsByCandidate(mine)[0]?.votes ?? 0;
    for (const member of members) {
      const lineVotes = mine
        .filter((r) => r.line.toLowerCase() === member.name.toLowerCase())
        .reduce((s, r) => s + Number(r.votes), 0);
      if (lineVotes === 0 && !mine.some((r) => r.line.toLowerCase() === member.name.toLowerCase())) continue;
      const ruleText = access.get(statePo)?.retentionRule ?? '';
      const verdict: RetentionVerdict = office
        ? decideRetention({ statePo, ruleText, office, raceTotal: total, winnerVotes: winner, lineVotes })
        : {
            kind: 'manual',
            reason: `${race.office} is not an office a retention rule counts.`,
            ruleText,
            threshold: null,
          };
      out.push({
        raceId: race.id,
        raceName: race.name,
        statePo,
        line: member.name,
        organizationId: member.id,
        lineVotes,
        verdict,
      });
    }
  }
  return out;
}
