import { decisionsDemoStep } from '../features/decisions/index.ts';
import { mapDemoStep } from '../features/map/index.ts';
import { pactsDemoStep } from '../features/pacts/index.ts';
import { petitionsDemoStep } from '../features/petitions/index.ts';
import { registryDemoStep } from '../features/registry/index.ts';
import { supportersDemoStep } from '../features/supporters/index.ts';
import { ticketsDemoStep } from '../features/tickets/index.ts';
import type { DemoStep } from './step.ts';

/** Each feature's contribution to the demo coalition, in order. */
export const demoSteps: DemoStep[] = [
  registryDemoStep,
  decisionsDemoStep,
  mapDemoStep,
  pactsDemoStep,
  supportersDemoStep,
  ticketsDemoStep,
  // After supporters and tickets: its candidate drive picks their people and candidate.
  petitionsDemoStep,
];
