import { pageOf } from '../../contract/cursor.ts';
import type { Actor } from '../../core/actor.ts';
import { requireOwnCursor } from '../../core/list-cursor.ts';
import type { Db } from '../../db/database.ts';
import { AllocationReportSchema } from './allocate.schema.ts';
import { loadPact } from './drafting/pacts.service.ts';
import * as repo from './pacts.repository.ts';
import {
  type MemberRef,
  type PactListQuery,
  type PactRaceView,
  type PactSummary,
  type PactView,
  type VersionSummary,
  versionLabelsSchema,
} from './pacts.schema.ts';
import * as consentRepo from './ratification/consent.repository.ts';
import { summarizeConsents, toConsentView } from './ratification/consent.views.ts';
import { pactStanding, pactStandings } from './standing.service.ts';
import * as versions from './versions/versions.repository.ts';
import { iso, memberRef, type Pact, toPact, toPactRace, toRunView, toVersionSummary } from './views.ts';

function summaryOf(
  pact: Pact,
  raceCount: number,
  status: PactSummary['status'],
  latest: VersionSummary | null,
) {
  return {
    id: pact.id,
    name: pact.name,
    kind: pact.kind,
    status,
    raceCount,
    members: pact.members.map(memberRef),
    latestVersion: latest,
    revision: pact.revision,
    createdAt: pact.createdAt,
    updatedAt: pact.updatedAt,
  };
}

/** The coalition's pacts, newest first, each with its status and latest version. Any role reads. */
export async function listPactViews(db: Db, actor: Actor): Promise<PactSummary[]> {
  return summariesOf(db, actor, await repo.listPacts(db, actor.coalitionId));
}

/** One keyset page of the list (src/contract/cursor.ts), newest first. */
export async function listPactPage(
  db: Db,
  actor: Actor,
  query: PactListQuery,
): Promise<{ pacts: PactSummary[]; nextCursor: string | null }> {
  if (query.cursor) requireOwnCursor(actor, query.cursor[1]);
  const rows = await repo.listPacts(db, actor.coalitionId, {
    limit: query.limit,
    after: query.cursor && [query.cursor[2], query.cursor[3]],
  });
  const page = pageOf(rows, query.limit, (row) => ['pacts', actor.coalitionId, row.created_key, row.id]);
  return { pacts: await summariesOf(db, actor, page.items), nextCursor: page.nextCursor };
}

async function summariesOf(db: Db, actor: Actor, rows: readonly repo.PactRow[]): Promise<PactSummary[]> {
  const pacts = rows.map(toPact);
  const ids = pacts.map((pact) => pact.id);
  const [counts, summaries, ratifications] = await Promise.all([
    repo.countRaces(db, ids),
    versions.listVersionSummaries(db, ids),
    consentRepo.listRatifications(db, ids),
  ]);
  const raceCount = new Map(counts.map((c) => [c.pact_id, Number(c.n)]));
  const latest = new Map(summaries.map((row) => [row.pact_id, toVersionSummary(row)]));
  const standings = await pactStandings(db, actor, ratifications);
  return pacts.map((pact) =>
    summaryOf(
      pact,
      raceCount.get(pact.id) ?? 0,
      standings.get(pact.id)?.status ?? 'draft',
      latest.get(pact.id) ?? null,
    ),
  );
}

/** One pact whole: members, settings, every race with its assignment, rules and consent. */
export async function getPactView(db: Db, actor: Actor, id: string): Promise<PactView> {
  const pact = await loadPact(db, actor, id);
  const [raceRows, ruleRows, summaryRows, latestRow, activeRun, consentRows, ratifications] =
    await Promise.all([
      repo.listRaces(db, pact.id),
      repo.listRules(db, pact.id),
      versions.listVersionSummaries(db, [pact.id]),
      versions.findVersion(db, pact.id),
      versions.findActiveRun(db, pact.id),
      consentRepo.listConsents(db, pact.id),
      consentRepo.listRatifications(db, [pact.id]),
    ]);
  const standing = await pactStanding(db, actor, ratifications);
  const summaries = summaryRows.map(toVersionSummary);
  const latest = summaries.at(-1) ?? null;
  const result = latestRow ? AllocationReportSchema.parse(latestRow.result) : null;
  const labels = latestRow ? versionLabelsSchema.parse(latestRow.labels) : null;
  const byOrganization = new Map(pact.members.map((member) => [member.organizationId, memberRef(member)]));
  const assignedTo = (race: string): MemberRef | null => {
    const key = result?.assignments[race];
    const label = key ? labels?.members[key] : undefined;
    return label && key ? { organizationId: label.organizationId, key, name: label.name } : null;
  };
  const refOf = (organizationId: string): MemberRef =>
    byOrganization.get(organizationId) ?? { organizationId, key: '', name: '(no longer a member)' };
  const consents = consentRows.map((row) =>
    toConsentView(row, assignedTo(row.race_key)?.organizationId ?? null),
  );
  const races: PactRaceView[] = raceRows.map((row) => {
    const race = toPactRace(row);
    const votesByParty: Record<string, number> = {};
    for (const line of race.lines) votesByParty[line.party] = (votesByParty[line.party] ?? 0) + line.votes;
    const rules = ruleRows.filter((rule) => rule.race_key === race.key);
    const lock = rules.find((rule) => rule.kind === 'lock');
    return {
      key: race.key,
      name: race.name,
      seats: race.seats,
      totalVotes: race.totalVotes,
      incumbentParty: race.incumbentParty,
      votesByParty,
      assigned: assignedTo(race.key),
      explanation: result?.explanations[race.key] ?? null,
      lock: lock ? refOf(lock.organization_id) : null,
      vetoes: rules.filter((rule) => rule.kind === 'veto').map((rule) => refOf(rule.organization_id)),
      consents: consents.filter((c) => c.raceKey === race.key).map(({ raceKey: _, ...view }) => view),
    };
  });
  const ruleView = (kind: 'lock' | 'veto') =>
    ruleRows
      .filter((rule) => rule.kind === kind)
      .map((rule) => ({
        race: rule.race_key,
        member: refOf(rule.organization_id),
        origin: rule.origin,
        note: rule.note,
        createdAt: iso(rule.created_at),
        createdBy: rule.created_by_name,
      }));
  return {
    ...summaryOf(pact, raceRows.length, standing.status, latest),
    source: pact.source,
    settings: pact.settings,
    members: pact.members.map((member) => ({
      ...memberRef(member),
      parties: member.parties,
      weight: member.weight,
      weightSource: member.weightSource,
      position: member.position,
      homeJurisdictions: member.homeJurisdictions,
    })),
    stale: latest !== null && latest.pactRevision !== pact.revision,
    locks: ruleView('lock'),
    vetoes: ruleView('veto'),
    races,
    versions: summaries,
    activeRun: activeRun ? toRunView(activeRun, null) : null,
    ratification: standing.ratification,
    ratifiedVersion: standing.ratifiedVersion,
    consent: summarizeConsents(consents),
  };
}
