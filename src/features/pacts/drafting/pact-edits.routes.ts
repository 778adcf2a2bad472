import { z } from 'zod';
import { requireActor } from '../../../http/auth.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import {
  consentInputSchema,
  consentResponseSchema,
  pactIdParams,
  raceKeySchema,
  ratificationResponseSchema,
  ratifyInputSchema,
  ruleInputSchema,
  ruleResponseSchema,
  swapInputSchema,
  versionSummarySchema,
} from '../pacts.schema.ts';
import { recordConsent } from '../ratification/consent.service.ts';
import { sendToRatification } from '../ratification/ratification.service.ts';
import { pactErrors, pactTags } from '../route-common.ts';
import { liftVeto, lockRace, unlockRace, vetoRace } from './rules.service.ts';
import { swapRaces } from './swap.service.ts';

const raceParams = pactIdParams.extend({ race: raceKeySchema });

/** Locks, vetoes, swaps, local consent and ratification: every write is audited with it. */
export const registerPactEditRoutes: RoutesPlugin = async (app) => {
  const tx = () => app.db.transaction();

  app.post(
    '/api/pacts/:id/locks',
    {
      schema: {
        tags: pactTags,
        summary: 'Lock a race to a member (staff; replaces an earlier lock of that race)',
        params: pactIdParams,
        body: ruleInputSchema,
        response: { 201: ruleResponseSchema, ...pactErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const rule = await tx().execute((trx) => lockRace(trx, actor, request.params.id, request.body));
      return reply.status(201).send(rule);
    },
  );

  app.delete(
    '/api/pacts/:id/locks/:race',
    {
      schema: {
        tags: pactTags,
        summary: 'Unlock a race (staff)',
        params: raceParams,
        response: { 204: z.null(), ...pactErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await tx().execute((trx) => unlockRace(trx, actor, request.params.id, request.params.race));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/pacts/:id/vetoes',
    {
      schema: {
        tags: pactTags,
        summary: 'Veto a member in a race: it never gets that race (staff)',
        params: pactIdParams,
        body: ruleInputSchema,
        response: { 201: ruleResponseSchema, ...pactErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const rule = await tx().execute((trx) => vetoRace(trx, actor, request.params.id, request.body));
      return reply.status(201).send(rule);
    },
  );

  app.delete(
    '/api/pacts/:id/vetoes/:race/:organizationId',
    {
      schema: {
        tags: pactTags,
        summary: 'Lift a veto (staff)',
        params: raceParams.extend({ organizationId: z.uuid() }),
        response: { 204: z.null(), ...pactErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id, race, organizationId } = request.params;
      await tx().execute((trx) => liftVeto(trx, actor, id, race, organizationId));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/pacts/:id/swaps',
    {
      schema: {
        tags: pactTags,
        summary:
          'Swap the members of two races of the latest version (staff): both get locked, a new version is checked and stored',
        params: pactIdParams,
        body: swapInputSchema,
        response: { 201: versionSummarySchema, ...pactErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const version = await tx().execute((trx) => swapRaces(trx, actor, request.params.id, request.body));
      return reply.status(201).send(version);
    },
  );

  app.put(
    '/api/pacts/:id/races/:race/consent',
    {
      schema: {
        tags: pactTags,
        summary: "Record your organization's local consent or objection for a race (delegates)",
        params: raceParams,
        body: consentInputSchema,
        response: { 200: consentResponseSchema, ...pactErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, race } = request.params;
      return tx().execute((trx) => recordConsent(trx, actor, id, race, request.body));
    },
  );

  app.post(
    '/api/pacts/:id/ratification',
    {
      schema: {
        tags: pactTags,
        summary:
          'Send a version to a pact_ratification decision (staff); passing it freezes the pact at that version',
        params: pactIdParams,
        body: ratifyInputSchema,
        response: { 201: ratificationResponseSchema, ...pactErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const sent = await tx().execute((trx) =>
        sendToRatification(trx, actor, request.params.id, request.body),
      );
      return reply.status(201).send(sent);
    },
  );
};
