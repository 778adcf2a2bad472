/**
 * What a feature's demo step is given and must provide. A leaf module: features import it to export
 * their step, and src/demo/steps.ts imports the steps, so the demo forms no import cycle.
 */
import type { Db } from '../db/database.ts';

/** The fictional demo coalition. Never a real party: every name here is invented. */
export const demoCoalition = { slug: 'demo', name: 'Common Ground Alliance' } as const;
export const demoLogin = { email: 'admin@demo.concord.example', password: 'concord-demo-2026' } as const;

export interface DemoContext {
  coalitionId: string;
  adminUserId: string;
  log: (line: string) => void;
}

/** One feature's contribution to the demo coalition; it builds on what the earlier steps created. */
export interface DemoStep {
  name: string;
  run(db: Db, context: DemoContext): Promise<void>;
}
