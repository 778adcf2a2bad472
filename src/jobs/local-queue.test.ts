import { afterEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/helpers/test-database.ts';
import type { Db } from '../db/database.ts';
import { LocalJobQueue } from './local-queue.ts';
import type { JobContext, QueueOptions } from './queue.ts';

const database = useTestDatabase();

/** A clock the test moves: retries wait for it, not for real time. */
function testClock(start = new Date('2030-01-01T00:00:00Z')) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms), start: start.getTime() };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const jobsOf = (db: Db, queue: string) =>
  db.selectFrom('jobs').selectAll().where('queue', '=', queue).orderBy('created_at').execute();

const policy: QueueOptions = { concurrency: 1, retryLimit: 2, retryDelaySeconds: 10, backoff: true };

describe('the embedded job queue', () => {
  const queues: LocalJobQueue[] = [];
  const open = (clock = testClock()) => {
    const queue = new LocalJobQueue(database().db, { pollMs: 10, now: clock.now });
    queues.push(queue);
    return queue;
  };
  afterEach(async () => {
    for (const queue of queues.splice(0)) await queue.stop();
  });

  it('retries a failing job with exponential backoff, then succeeds', async () => {
    const { db } = database();
    const clock = testClock();
    const queue = open(clock);
    const seen: JobContext[] = [];
    queue.register<{ n: number }>('flaky', policy, async (data, context) => {
      seen.push(context);
      expect(data).toEqual({ n: 7 });
      if (context.attempt < 3) throw new Error(`attempt ${context.attempt} fails`);
    });
    await queue.start();
    await queue.enqueue('flaky', { n: 7 });

    const first = await until(
      () => jobsOf(db, 'flaky'),
      (rows) => rows[0]?.state === 'retry',
    );
    expect(first[0]).toMatchObject({ attempts: 1, last_error: 'attempt 1 fails' });
    // First retry after retryDelay (10 s), the second after twice that.
    expect(new Date(first[0]?.run_after ?? 0).getTime() - clock.start).toBe(10_000);
    clock.advance(9_999);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toHaveLength(1);
    clock.advance(1);
    const second = await until(
      () => jobsOf(db, 'flaky'),
      (rows) => rows[0]?.attempts === 2 && rows[0].state === 'retry',
    );
    expect(new Date(second[0]?.run_after ?? 0).getTime() - clock.start).toBe(10_000 + 20_000);
    clock.advance(20_000);
    const done = await until(
      () => jobsOf(db, 'flaky'),
      (rows) => rows[0]?.state === 'completed',
    );
    expect(done).toHaveLength(1);
    expect(seen.map((c) => [c.attempt, c.lastAttempt])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
  });

  it('fails a job for good after its last attempt, and tells the handler it is the last', async () => {
    const { db } = database();
    const clock = testClock();
    const queue = open(clock);
    const seen: boolean[] = [];
    queue.register('doomed', { ...policy, retryLimit: 1, backoff: false }, async (_data, context) => {
      seen.push(context.lastAttempt);
      throw new Error('always');
    });
    await queue.start();
    await queue.enqueue('doomed', {});
    await until(
      () => jobsOf(db, 'doomed'),
      (rows) => rows[0]?.state === 'retry',
    );
    clock.advance(10_000);
    const rows = await until(
      () => jobsOf(db, 'doomed'),
      (r) => r[0]?.state === 'failed',
    );
    expect(rows[0]).toMatchObject({ attempts: 2, last_error: 'always' });
    expect(seen).toEqual([false, true]);
  });

  it('keeps one unfinished job per key', async () => {
    const { db } = database();
    const queue = open();
    queue.register('keyed', policy, async () => {});
    // Not started: the jobs wait.
    await queue.enqueue('keyed', { a: 1 }, { key: 'run-1' });
    await queue.enqueue('keyed', { a: 2 }, { key: 'run-1' });
    await queue.enqueue('keyed', { a: 3 }, { key: 'run-2' });
    const rows = await jobsOf(db, 'keyed');
    expect(rows.map((r) => [r.key, r.data])).toEqual([
      ['run-1', { a: 1 }],
      ['run-2', { a: 3 }],
    ]);
  });

  it('records a job in the caller’s transaction: a rollback leaves no job', async () => {
    const { db } = database();
    const queue = open();
    queue.register('tx', policy, async () => {});
    await db
      .transaction()
      .execute(async (trx) => {
        await queue.enqueue('tx', {}, { trx });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await jobsOf(db, 'tx')).toEqual([]);
  });

  it('runs again, at start, a job a killed process left active', async () => {
    const { db } = database();
    await db
      .insertInto('jobs')
      .values({ queue: 'resume', key: 'k', data: JSON.stringify({ x: 1 }), state: 'active', attempts: 1 })
      .execute();
    const queue = open();
    const seen: number[] = [];
    queue.register<{ x: number }>('resume', policy, async (_data, context) => {
      seen.push(context.attempt);
    });
    await queue.start();
    await until(
      () => jobsOf(db, 'resume'),
      (rows) => rows[0]?.state === 'completed',
    );
    expect(seen).toEqual([2]);
  });

  it('runs the job of `every` once per tick at most, however many are pending', async () => {
    const { db } = database();
    const queue = open();
    let runs = 0;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    queue.register('tick', { ...policy, concurrency: 2 }, async () => {
      runs += 1;
      await held;
    });
    await queue.start();
    queue.every('tick', 20);
    await until(
      async () => runs,
      (n) => n === 1,
    );
    // While the first job runs, ticks find it unfinished and add nothing.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(runs).toBe(1);
    expect((await jobsOf(db, 'tick')).filter((r) => r.state !== 'completed')).toHaveLength(1);
    release();
  });

  it('deletes jobs finished more than a week ago when it starts', async () => {
    const { db } = database();
    const clock = testClock();
    const day = 24 * 60 * 60 * 1000;
    const finished = (daysAgo: number) => new Date(clock.start - daysAgo * day);
    await db
      .insertInto('jobs')
      .values([
        { queue: 'old', data: '{}', state: 'completed', finished_at: finished(8) },
        { queue: 'old', data: '{}', state: 'failed', finished_at: finished(8) },
        { queue: 'old', data: '{}', state: 'completed', finished_at: finished(6) },
      ])
      .execute();
    await open(clock).start();
    const left = await until(
      () => jobsOf(db, 'old'),
      (rows) => rows.length < 3,
    );
    expect(left.map((r) => new Date(r.finished_at ?? 0).getTime())).toEqual([finished(6).getTime()]);
  });
});
