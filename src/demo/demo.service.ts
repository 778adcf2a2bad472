import type { Db } from '../db/database.ts';
import { createUser } from '../features/accounts/index.ts';
import { type DemoContext, type DemoStep, demoCoalition, demoLogin } from './step.ts';
import { demoSteps } from './steps.ts';

export { type DemoContext, type DemoStep, demoCoalition, demoLogin };

export async function isDemoNeeded(db: Db): Promise<boolean> {
  const any = await db.selectFrom('coalitions').select('id').limit(1).executeTakeFirst();
  return any === undefined;
}

export async function hasDemoCoalition(db: Db): Promise<boolean> {
  const demo = await db
    .selectFrom('coalitions')
    .select('id')
    .where('slug', '=', demoCoalition.slug)
    .executeTakeFirst();
  return demo !== undefined;
}

/**
 * Loads the demo coalition in one transaction: all of it or nothing. Each feature contributes
 * a step (src/demo/steps.ts) that builds on what the earlier steps created.
 */
export async function loadDemo(
  db: Db,
  /** `steps`: only these (a browser test that needs one feature's demo data and not the rest). */
  options: { log?: (line: string) => void; steps?: readonly DemoStep[] } = {},
): Promise<{ coalitionId: string; login: typeof demoLogin }> {
  const log = options.log ?? (() => {});
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('coalitions')
      .select('id')
      .where('slug', '=', demoCoalition.slug)
      .executeTakeFirst();
    if (existing) {
      log(`demo coalition "${demoCoalition.slug}" already loaded`);
      return { coalitionId: existing.id, login: demoLogin };
    }
    const coalition = await trx
      .insertInto('coalitions')
      .values(demoCoalition)
      .returning('id')
      .executeTakeFirstOrThrow();
    const admin = await createUser(trx, {
      email: demoLogin.email,
      displayName: 'Demo Administrator',
      password: demoLogin.password,
      coalitionSlug: demoCoalition.slug,
      role: 'admin',
    });
    const context: DemoContext = { coalitionId: coalition.id, adminUserId: admin.id, log };
    const steps = options.steps ?? demoSteps;
    for (const [index, step] of steps.entries()) {
      // Numbered, so a long load shows how far it has come.
      log(`demo: step ${index + 1} of ${steps.length}: ${step.name}`);
      await step.run(trx, context);
    }
    log(`demo coalition "${demoCoalition.name}" loaded`);
    return { coalitionId: coalition.id, login: demoLogin };
  });
}
