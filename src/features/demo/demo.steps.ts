import type { Db } from '../../db/database.ts';
import { decisionsDemoStep } from '../decisions/decisions.demo.ts';
import { mapDemoStep } from '../map/map.demo.ts';
import { pactsDemoStep } from '../pacts/pacts.demo.ts';
import { registryDemoStep } from '../registry/registry.demo.ts';
import { supportersDemoStep } from '../supporters/supporters.demo.ts';
import type { DemoContext } from './demo.service.ts';

export interface DemoStep {
  name: string;
  run(db: Db, context: DemoContext): Promise<void>;
}

/** Each feature's contribution to the demo coalition, in order. */
export const demoSteps: DemoStep[] = [
  registryDemoStep,
  supportersDemoStep,
  decisionsDemoStep,
  mapDemoStep,
  pactsDemoStep,
];
