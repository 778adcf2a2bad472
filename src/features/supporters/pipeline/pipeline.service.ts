import type { Actor } from '../../../core/actor.ts';
import type { Db } from '../../../db/database.ts';
import { appendAudit } from '../../audit/index.ts';
import { ownerScope } from '../access.ts';
import type { Scope } from '../people.repository.ts';
import * as repo from './pipeline.repository.ts';
import { type Ladder, ladderSchema } from './pipeline.schema.ts';

export { type Ladder, ladderSchema } from './pipeline.schema.ts';

export const defaultLadder: Ladder = [
  { name: 'supporter', rule: null },
  { name: 'volunteer', rule: { kind: 'shift', atLeast: 1 } },
  { name: 'organizer', rule: { kind: 'event', atLeast: 3, withinDays: 180 } },
  { name: 'leader', rule: { kind: 'shift', atLeast: 10 } },
];

async function ladderOf(db: Db, scope: Scope): Promise<Ladder> {
  const stored = await repo.findLadder(db, scope);
  return stored === null ? defaultLadder : ladderSchema.parse(stored);
}

export async function setLadder(db: Db, actor: Actor, stages: Ladder) {
  const scope = ownerScope(actor, 'set the leadership ladder');
  await repo.saveLadder(db, scope, JSON.stringify(ladderSchema.parse(stages)));
  return pipelineView(db, actor);
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The ladder with people per stage, who is ready to move up (per tag), and moves per month. */
export async function pipelineView(db: Db, actor: Actor, now = new Date()) {
  const scope = ownerScope(actor, 'see the leadership pipeline');
  const ladder = await ladderOf(db, scope);
  const stages = [];
  for (const [i, stage] of ladder.entries()) {
    const next = ladder[i + 1];
    stages.push({
      name: stage.name,
      rule: stage.rule,
      people: await repo.countAtStage(db, scope, stage.name, i === 0),
      readyToMoveUp: next?.rule
        ? await repo.readyByTag(db, scope, stage.name, i === 0, next.rule, isoDay(now))
        : [],
    });
  }
  const moves = await repo.movesByMonth(db, scope);
  return { stages, moves: moves.map((m) => ({ month: m.month, stage: m.to_stage, count: Number(m.n) })) };
}

/** Moves every ready person up one stage (top stages first, so nobody climbs two in one go). */
export async function advancePipeline(db: Db, actor: Actor, now = new Date()) {
  const scope = ownerScope(actor, 'advance the leadership pipeline');
  const ladder = await ladderOf(db, scope);
  let moved = 0;
  for (let i = ladder.length - 2; i >= 0; i -= 1) {
    const stage = ladder[i];
    const next = ladder[i + 1];
    if (!stage || !next?.rule) continue;
    moved += await repo.advance(db, scope, stage.name, i === 0, next.name, next.rule, isoDay(now), now);
  }
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'pipeline.advanced',
    subject: { type: 'organization', id: scope.organizationId },
    payload: {},
  });
  return { moved, pipeline: await pipelineView(db, actor, now) };
}
