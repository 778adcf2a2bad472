import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor.ts';
import { createUser } from '../../src/features/accounts/index.ts';
import { auditEventsQuerySchema } from '../../src/features/audit/audit.schema.ts';
import { appendAudit } from '../../src/features/audit/audit.service.ts';
import { listAuditEvents } from '../../src/features/audit/audit.views.ts';
import { createTestCoalition, testPassword } from '../helpers/factories.ts';
import { useTestDatabase } from '../helpers/test-database.ts';

const database = useTestDatabase();

describe('audit log for people', () => {
  it('lists newest first a page at a time, with the actor’s name, and filters by free text', async () => {
    const { db } = database();
    const coalition = await createTestCoalition(db);
    const user = await createUser(db, {
      email: `sam-${randomUUID().slice(0, 8)}@example.org`,
      displayName: 'Sam Rivera',
      password: testPassword,
      coalitionSlug: coalition.slug,
      role: 'secretariat',
    });
    const actor: Actor = {
      userId: user.id,
      coalitionId: coalition.id,
      organizationId: null,
      role: 'secretariat',
    };
    for (const title of ['Budget 2027', 'Charter vote', 'Spring congress', 'Budget 2028']) {
      await db.transaction().execute((trx) =>
        appendAudit(trx, {
          coalitionId: coalition.id,
          actor: title === 'Spring congress' ? null : actor,
          action: 'decision.created',
          subject: { type: 'decision', id: randomUUID() },
          payload: { title },
        }),
      );
    }
    const list = (query: Record<string, unknown>) =>
      listAuditEvents(db, actor, auditEventsQuerySchema.parse({ order: 'desc', limit: 2, ...query }));

    const first = await list({});
    expect(first.events.map((e) => e.payload.title)).toEqual(['Budget 2028', 'Spring congress']);
    expect(first.events.map((e) => e.actorName)).toEqual(['Sam Rivera', null]);
    expect(first.nextAfterSeq).toBeNull();
    const second = await list({ beforeSeq: first.nextBeforeSeq });
    expect(second.events.map((e) => e.payload.title)).toEqual(['Charter vote', 'Budget 2027']);

    expect((await list({ q: 'budget', limit: 10 })).events.map((e) => e.payload.title)).toEqual([
      'Budget 2028',
      'Budget 2027',
    ]);
    expect((await list({ q: 'rivera', limit: 10 })).events).toHaveLength(3);
    expect((await list({ q: '100%_', limit: 10 })).events).toHaveLength(0);
    // Chain order stays the default for scripts.
    const chain = await listAuditEvents(db, actor, auditEventsQuerySchema.parse({ limit: 10 }));
    expect(chain.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });
});
