import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../../../test/helpers/factories.ts';
import { inTx, memberOf, seedCoalition } from '../../../test/helpers/governance.ts';
import { buildTestApp, injectAs, signIn, type TestSession } from '../../../test/helpers/test-app.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import type { Actor, Role } from '../../core/actor.ts';
import { DomainError } from '../../core/errors.ts';
import type { App } from '../../http/types.ts';
import { mergePeople } from './merge/merge.service.ts';
import { requestOverlap } from './overlap/overlap.service.ts';
import {
  fileActions,
  mergeActions,
  overlapActions,
  peopleActions,
  pipelineActions,
} from './people.cli-actions.ts';
import { createPerson, listPeople } from './people.service.ts';
import { defineCustomField, recordConsent } from './records.service.ts';
import { createSegment } from './segments.service.ts';
import { personInputSchema } from './supporters.schema.ts';

/**
 * The adversarial isolation matrix: every people route and command × every role × a person of
 * one's own member, of another member, and (for staff) of the coalition. Member A holds the
 * secrets; whoever is not A's delegate or organizer must get no record, no count under 10, and no
 * field of A's (names, contacts, notes, tags, custom fields, segment names, ids) in any body,
 * error message, or cursor.
 */

const database = useTestDatabase();

type Who = 'admin' | 'secretariat' | 'viewer' | 'delegateA' | 'organizerA' | 'delegateB' | 'organizerB';
const owners: Who[] = ['delegateA', 'organizerA'];
const everyone: Who[] = [
  'admin',
  'secretariat',
  'viewer',
  'delegateA',
  'organizerA',
  'delegateB',
  'organizerB',
];

const secretsOfA = {
  firstName: 'Quillonetta',
  lastName: 'Vandersnoot',
  email: 'quillonetta.v@secret-a.example',
  phone: '+15175550199',
  notes: 'met at the harbor rally, wants to host',
  tag: 'tag-only-a-knows',
  customField: 'favourite_canvass_spot',
  segment: 'A private segment',
};

let app: App;
const sessions = new Map<Who, TestSession>();
const actors = new Map<Who, Actor>();
let coalitionSlug = '';
let personA = '';
let segmentA = '';
let cursorA = '';
let mergeA = '';
let overlapA = '';
let secretStrings: string[] = [];

function leaksOf(text: string): string[] {
  return secretStrings.filter((secret) => text.toLowerCase().includes(secret.toLowerCase()));
}

/** Any number under 10 printed as a count (the "count" keys of aggregates, totals) is a leak for non-owners. */
function smallCounts(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => smallCounts(v, `${path}.${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) =>
      (k === 'count' || k === 'total') && typeof v === 'number' && v > 0 && v < 10
        ? [`${path}.${k}=${v}`]
        : smallCounts(v, `${path}.${k}`),
    );
  return [];
}

beforeAll(async () => {
  const { db } = database();
  app = await buildTestApp(db);
  const seed = await seedCoalition(db, [{ name: 'Member A' }, { name: 'Member B' }, { name: 'Member C' }]);
  coalitionSlug = seed.coalition.slug;
  const a = memberOf(seed, 0);
  const b = memberOf(seed, 1);
  const roles: Record<Who, [Role, string | null]> = {
    admin: ['admin', null],
    secretariat: ['secretariat', null],
    viewer: ['viewer', null],
    delegateA: ['delegate', a.id],
    organizerA: ['organizer', a.id],
    delegateB: ['delegate', b.id],
    organizerB: ['organizer', b.id],
  };
  for (const who of everyone) {
    const [role, org] = roles[who];
    const user = await createTestUser(db, seed.coalition.slug, role, org);
    const row = await db
      .selectFrom('coalition_roles')
      .select(['user_id', 'role', 'organization_id'])
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    actors.set(who, {
      userId: row.user_id,
      coalitionId: seed.coalition.id,
      organizationId: row.organization_id,
      role,
    });
    sessions.set(who, await signIn(app, { ...user, coalition: seed.coalition.slug }));
  }
  const ownerA = actors.get('delegateA') as Actor;
  await inTx(db, (trx) =>
    defineCustomField(trx, ownerA, { name: secretsOfA.customField, label: 'Favourite spot' }),
  );
  // Five people: a count that must never reach anyone else as a number.
  for (let i = 0; i < 5; i += 1) {
    const p = await inTx(db, (trx) =>
      createPerson(
        trx,
        ownerA,
        personInputSchema.parse({
          firstName: `${secretsOfA.firstName}${i === 0 ? '' : i}`,
          lastName: secretsOfA.lastName,
          emails: i === 0 ? [secretsOfA.email] : [`p${i}@secret-a.example`],
          phones: i === 0 ? [secretsOfA.phone] : [],
          tags: [secretsOfA.tag],
          notes: secretsOfA.notes,
          custom: { [secretsOfA.customField]: 'the lighthouse' },
          address: { countyFips: '26163', city: 'Detroit' },
        }),
      ),
    );
    if (i === 0) personA = p.id;
  }
  await inTx(db, (trx) =>
    recordConsent(trx, ownerA, personA, {
      channel: 'email',
      granted: true,
      basis: 'consent',
      source: 'form',
    }),
  );
  segmentA = (
    await inTx(db, (trx) =>
      createSegment(trx, ownerA, { name: secretsOfA.segment, filter: { tags: [secretsOfA.tag] } }),
    )
  ).id;
  const extra = await inTx(db, (trx) =>
    createPerson(trx, ownerA, personInputSchema.parse({ firstName: secretsOfA.firstName, lastName: 'Zz' })),
  );
  const extra2 = await inTx(db, (trx) =>
    createPerson(trx, ownerA, personInputSchema.parse({ firstName: secretsOfA.firstName, lastName: 'Zy' })),
  );
  mergeA = (
    await inTx(db, (trx) =>
      mergePeople(trx, ownerA, { survivorId: extra.id, mergedId: extra2.id, choices: {} }),
    )
  ).mergeId;
  overlapA = (await inTx(db, (trx) => requestOverlap(trx, ownerA, memberOf(seed, 2).id))).id;
  const page = await inTx(db, (trx) => listPeople(trx, ownerA, { limit: 2 }));
  cursorA = page.nextCursor ?? '';
  const ownerB = actors.get('delegateB') as Actor;
  await inTx(db, (trx) =>
    createPerson(trx, ownerB, personInputSchema.parse({ firstName: 'Bertha', lastName: 'Bee' })),
  );
  secretStrings = [
    secretsOfA.firstName,
    secretsOfA.lastName,
    secretsOfA.email,
    'secret-a.example',
    secretsOfA.phone,
    '5550199',
    secretsOfA.notes,
    secretsOfA.tag,
    secretsOfA.customField,
    'the lighthouse',
    secretsOfA.segment,
    personA,
    segmentA,
    mergeA,
    extra.id,
    extra2.id,
  ];
});

afterAll(async () => {
  await app?.close();
});

interface RouteCase {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: () => string;
  payload?: () => unknown;
  /** Holds nothing of A's by design (B's own data, the coalition's aggregates): what may come back to whom. */
  openToAll?: boolean;
}

const routes: RouteCase[] = [
  {
    name: 'search by A’s name',
    method: 'GET',
    url: () => `/api/people?q=${secretsOfA.lastName}`,
    openToAll: true,
  },
  {
    name: 'filter by A’s tag',
    method: 'GET',
    url: () => `/api/people?tag=${secretsOfA.tag}`,
    openToAll: true,
  },
  { name: 'list with A’s cursor', method: 'GET', url: () => `/api/people?cursor=${cursorA}` },
  { name: 'list A’s segment', method: 'GET', url: () => `/api/people?segment=${segmentA}` },
  { name: 'open A’s person', method: 'GET', url: () => `/api/people/${personA}` },
  {
    name: 'edit A’s person',
    method: 'PATCH',
    url: () => `/api/people/${personA}`,
    payload: () => ({ notes: secretsOfA.notes }),
  },
  { name: 'subject access export', method: 'GET', url: () => `/api/people/${personA}/export` },
  {
    name: 'record consent',
    method: 'POST',
    url: () => `/api/people/${personA}/consents`,
    payload: () => ({ channel: 'sms', granted: true, basis: 'consent', source: 'matrix' }),
  },
  {
    name: 'withdraw consent',
    method: 'POST',
    url: () => `/api/people/${personA}/consents/withdrawal`,
    payload: () => ({ channel: 'sms', source: 'matrix' }),
  },
  {
    name: 'record activity',
    method: 'POST',
    url: () => `/api/people/${personA}/activities`,
    payload: () => ({ kind: 'event', occurredOn: '2026-11-01', label: 'matrix' }),
  },
  {
    name: 'issue link code',
    method: 'POST',
    url: () => `/api/people/${personA}/link-codes`,
    payload: () => ({ targetOrganizationId: actors.get('delegateB')?.organizationId, source: 'matrix' }),
  },
  {
    name: 'redeem on A’s person',
    method: 'POST',
    url: () => `/api/people/${personA}/links`,
    payload: () => ({ code: 'x'.repeat(20) }),
  },
  { name: 'aggregates', method: 'GET', url: () => '/api/people/aggregates', openToAll: true },
  { name: 'custom fields', method: 'GET', url: () => '/api/people/custom-fields', openToAll: true },
  { name: 'segments', method: 'GET', url: () => '/api/people/segments', openToAll: true },
  { name: 'pipeline', method: 'GET', url: () => '/api/people/pipeline', openToAll: true },
  { name: 'export CSV', method: 'GET', url: () => '/api/people/export.csv', openToAll: true },
  { name: 'export A’s segment', method: 'GET', url: () => `/api/people/export.csv?segment=${segmentA}` },
  { name: 'open A’s segment', method: 'GET', url: () => `/api/people/segments/${segmentA}` },
  { name: 'delete A’s segment', method: 'DELETE', url: () => `/api/people/segments/${segmentA}` },
  { name: 'duplicates', method: 'GET', url: () => '/api/people/duplicates', openToAll: true },
  { name: 'merges', method: 'GET', url: () => '/api/people/merges', openToAll: true },
  {
    name: 'merge A’s people',
    method: 'POST',
    url: () => '/api/people/merges',
    payload: () => ({ survivorId: personA, mergedId: segmentA, choices: {} }),
  },
  { name: 'undo A’s merge', method: 'POST', url: () => `/api/people/merges/${mergeA}/undo` },
  { name: 'overlaps', method: 'GET', url: () => '/api/people/overlaps', openToAll: true },
  { name: 'approve A’s overlap run', method: 'POST', url: () => `/api/people/overlaps/${overlapA}/approval` },
  { name: 'erase A’s person', method: 'DELETE', url: () => `/api/people/${personA}` },
];

const call = (who: Who, route: RouteCase): Promise<LightMyRequestResponse> =>
  injectAs(app, sessions.get(who) as TestSession, {
    method: route.method,
    url: route.url(),
    ...(route.payload ? { payload: route.payload() as Record<string, unknown> } : {}),
  });

describe('isolation matrix: HTTP routes × roles', () => {
  const intruders = everyone.filter((w) => !owners.includes(w));
  for (const route of routes) {
    for (const who of intruders) {
      it(`${route.name} as ${who}: nothing of A's`, async () => {
        const response = await call(who, route);
        expect(leaksOf(response.body), response.body).toEqual([]);
        if (route.name === 'aggregates' && who.endsWith('B')) {
          // B's own counts, exact: its one person, none of A's five.
          expect(response.json().total).toBe(1);
        } else if (String(response.headers['content-type']).startsWith('application/json'))
          expect(smallCounts(response.json()), response.body).toEqual([]);
        if (!route.openToAll) expect([400, 403, 404]).toContain(response.statusCode);
        if (route.name.startsWith('export') && response.statusCode === 200)
          expect(response.body.split('\n').filter(Boolean)).toHaveLength(who.endsWith('B') ? 2 : 1);
        if (who === 'delegateB' || who === 'organizerB') {
          // Another member is told exactly what it would be told for an id that never existed.
          if (route.url().includes(personA)) expect(response.json().error?.code).toBe('person.not_found');
        }
      });
    }
  }

  it('an unknown id and another member’s id give the same answer', async () => {
    const foreign = await call('delegateB', { name: '', method: 'GET', url: () => `/api/people/${personA}` });
    const unknown = await call('delegateB', {
      name: '',
      method: 'GET',
      url: () => '/api/people/00000000-0000-4000-8000-000000000000',
    });
    expect(foreign.statusCode).toBe(unknown.statusCode);
    expect(foreign.json()).toEqual(unknown.json());
  });

  it('a cursor is opaque: it does not contain the name it stopped at, and a tampered one is refused', async () => {
    expect(leaksOf(Buffer.from(cursorA, 'base64url').toString('latin1'))).toEqual([]);
    const tampered = `${cursorA.slice(0, -2)}${cursorA.endsWith('A') ? 'B' : 'A'}A`;
    const response = await call('delegateA', {
      name: '',
      method: 'GET',
      url: () => `/api/people?cursor=${tampered}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('people.cursor_invalid');
  });

  it('staff aggregates show A’s five people only as "<10", and no tag of theirs', async () => {
    const response = await call('secretariat', {
      name: '',
      method: 'GET',
      url: () => '/api/people/aggregates',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().byCounty).toEqual([{ countyFips: '26163', count: '<10' }]);
    expect(response.json().byTag).toEqual([]);
  });

  // The owners' own calls succeed: the matrix would be vacuous if everything were refused.
  for (const route of routes) {
    for (const who of owners) {
      it(`${route.name} as ${who} (owner) succeeds`, async () => {
        if (route.method === 'DELETE' && who === 'delegateA') return; // organizerA erases last
        const response = await call(who, route);
        if (route.name === 'redeem on A’s person') {
          expect(response.json().error.code).toBe('link.code_invalid');
          return;
        }
        if (route.name === 'withdraw consent' && response.statusCode === 409) return; // already withdrawn by the other owner
        // Owners are refused for their own reasons here: a non-person id, approving one's own request, a merge undone already.
        if (route.name === 'merge A’s people')
          return expect(response.json().error.code).toBe('person.not_found');
        if (route.name === 'approve A’s overlap run') return expect(response.statusCode).toBe(403);
        if (route.name === 'undo A’s merge' && who === 'organizerA')
          return expect(response.statusCode).toBe(409);
        expect(response.statusCode, response.body).toBeLessThan(300);
        if (route.name === 'open A’s person') expect(response.json().notes).toBe(secretsOfA.notes);
      });
    }
  }
});

describe('isolation matrix: concord people commands × roles', () => {
  const intruders = everyone.filter((w) => !owners.includes(w));
  const commands: { name: string; run: (actor: Actor) => Promise<string>; openToAll?: boolean }[] = [
    {
      name: 'list --q',
      run: (a) => peopleActions.list(database().db, a, { coalition: coalitionSlug, q: secretsOfA.lastName }),
      openToAll: true,
    },
    {
      name: 'list --segment',
      run: (a) =>
        peopleActions.list(database().db, a, { coalition: coalitionSlug, segment: secretsOfA.segment }),
    },
    {
      name: 'list --cursor',
      run: (a) => peopleActions.list(database().db, a, { coalition: coalitionSlug, cursor: cursorA }),
    },
    {
      name: 'show',
      run: (a) =>
        peopleActions.show(database().db, a, {
          coalition: coalitionSlug,
          id: personA,
        }),
    },
    {
      name: 'show --json',
      run: (a) => peopleActions.show(database().db, a, { coalition: coalitionSlug, id: personA, json: true }),
    },
    {
      name: 'export-person',
      run: (a) => peopleActions.exportPerson(database().db, a, { coalition: coalitionSlug, id: personA }),
    },
    {
      name: 'consent',
      run: (a) =>
        peopleActions.consent(database().db, a, {
          coalition: coalitionSlug,
          id: personA,
          channel: 'post',
          source: 'cli',
          dryRun: true,
        }),
    },
    {
      name: 'withdraw',
      run: (a) =>
        peopleActions.withdraw(database().db, a, {
          coalition: coalitionSlug,
          id: personA,
          channel: 'email',
          source: 'cli',
          dryRun: true,
        }),
    },
    {
      name: 'erase',
      run: (a) =>
        peopleActions.erase(database().db, a, { coalition: coalitionSlug, id: personA, dryRun: true }),
    },
    {
      name: 'aggregates',
      run: (a) => peopleActions.aggregates(database().db, a, { coalition: coalitionSlug, json: true }),
      openToAll: true,
    },
    {
      name: 'segments',
      run: (a) => peopleActions.segments(database().db, a, { coalition: coalitionSlug }),
      openToAll: true,
    },
    {
      name: 'duplicates',
      run: (a) => mergeActions.duplicates(database().db, a, { coalition: coalitionSlug, json: true }),
      openToAll: true,
    },
    {
      name: 'undo-merge',
      run: (a) =>
        mergeActions.undoMerge(database().db, a, { coalition: coalitionSlug, id: mergeA, dryRun: true }),
    },
    {
      name: 'overlaps',
      run: (a) => overlapActions.overlaps(database().db, a, { coalition: coalitionSlug, json: true }),
      openToAll: true,
    },
    {
      name: 'overlap-approve',
      run: (a) =>
        overlapActions.overlapApprove(database().db, a, {
          coalition: coalitionSlug,
          id: overlapA,
          dryRun: true,
        }),
    },
    {
      name: 'export',
      run: (a) =>
        fileActions.exportCsv(database().db, a, { coalition: coalitionSlug, segment: secretsOfA.segment }),
    },
    {
      name: 'pipeline',
      run: (a) => pipelineActions.pipeline(database().db, a, { coalition: coalitionSlug, json: true }),
      openToAll: true,
    },
  ];
  for (const command of commands) {
    for (const who of intruders) {
      it(`people ${command.name} as ${who}: nothing of A's`, async () => {
        let text: string;
        try {
          text = await command.run(actors.get(who) as Actor);
          if (!command.openToAll) throw new Error(`expected a refusal, got: ${text}`);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          text = `${error.message} ${JSON.stringify(error.details ?? {})}`;
        }
        expect(leaksOf(text), text).toEqual([]);
        if (command.name === 'aggregates' && who.endsWith('B')) expect(JSON.parse(text).total).toBe(1);
        else if (text.trim().startsWith('{')) expect(smallCounts(JSON.parse(text))).toEqual([]);
      });
    }
  }
});
