import { z } from 'zod';
import { requireActor } from '../../http/auth.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { exportVersion } from './export.ts';
import { registerPactEditRoutes } from './pact-edits.routes.ts';
import {
  adviceSchema,
  compareQuerySchema,
  comparisonSchema,
  createPactSchema,
  exportQuerySchema,
  pactIdParams,
  pactSchema,
  pactSummarySchema,
  updatePactSchema,
  versionSchema,
  versionSummarySchema,
} from './pacts.schema.ts';
import { createPact, updatePact } from './pacts.service.ts';
import { getPactView, listPactViews } from './read.service.ts';
import { pactErrors, pactTags } from './route-common.ts';
import { registerPactRunRoutes } from './runs.routes.ts';
import { compareVersionNumbers, getVersion, getVersionAdvice, listVersions } from './versions.service.ts';

/**
 * Seat-sharing pacts (docs/pacts.md). Every role of the coalition reads; staff create, edit, run
 * and send to ratification; delegates record their own organization's local consent. Reads run in
 * a transaction too: a ratification decision whose window has passed is closed on the way.
 */
export const registerPactRoutes: RoutesPlugin = async (app) => {
  await app.register(registerPactEditRoutes);
  await app.register(registerPactRunRoutes);
  const tx = () => app.db.transaction();

  app.get(
    '/api/pacts',
    {
      schema: {
        tags: pactTags,
        summary: "The coalition's pacts, newest first, with status and latest version",
        response: { 200: z.object({ pacts: z.array(pactSummarySchema) }), ...pactErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { pacts: await tx().execute((trx) => listPactViews(trx, actor)) };
    },
  );

  app.post(
    '/api/pacts',
    {
      schema: {
        tags: pactTags,
        summary:
          'Create a pact for an election’s races (or a territory’s zones) from the map and members (staff)',
        body: createPactSchema,
        response: { 201: pactSchema, ...pactErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const view = await tx().execute(async (trx) => {
        const pact = await createPact(trx, actor, request.body);
        return getPactView(trx, actor, pact.id);
      });
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/pacts/:id',
    {
      schema: {
        tags: pactTags,
        summary: 'One pact: members, settings, every race with its member, rules and consent, versions',
        params: pactIdParams,
        response: { 200: pactSchema, ...pactErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx().execute((trx) => getPactView(trx, actor, request.params.id));
    },
  );

  app.patch(
    '/api/pacts/:id',
    {
      schema: {
        tags: pactTags,
        summary: 'Rename, change members (weights, party codes) or settings of a draft (staff)',
        params: pactIdParams,
        body: updatePactSchema,
        response: { 200: pactSchema, ...pactErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx().execute(async (trx) => {
        await updatePact(trx, actor, request.params.id, request.body);
        return getPactView(trx, actor, request.params.id);
      });
    },
  );

  app.get(
    '/api/pacts/:id/versions',
    {
      schema: {
        tags: pactTags,
        summary: 'Every version of the pact, oldest first',
        params: pactIdParams,
        response: { 200: z.object({ versions: z.array(versionSummarySchema) }), ...pactErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { versions: await tx().execute((trx) => listVersions(trx, actor, request.params.id)) };
    },
  );

  app.get(
    '/api/pacts/:id/versions/:number',
    {
      schema: {
        tags: pactTags,
        summary: 'One version whole: the engine input it ran on and its full report',
        params: pactIdParams.extend({ number: z.coerce.number().int().positive() }),
        response: { 200: versionSchema, ...pactErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx().execute((trx) => getVersion(trx, actor, request.params.id, request.params.number));
    },
  );

  app.get(
    '/api/pacts/:id/versions/:number/advice',
    {
      schema: {
        tags: pactTags,
        summary:
          'Advice on a version: expected wins against no pact, what entitlement, locks and vetoes cost (the engine re-run without each), what would fix a loss',
        params: pactIdParams.extend({ number: z.coerce.number().int().positive() }),
        response: { 200: adviceSchema, ...pactErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx().execute((trx) => getVersionAdvice(trx, actor, request.params.id, request.params.number));
    },
  );

  app.get(
    '/api/pacts/:id/compare',
    {
      schema: {
        tags: pactTags,
        summary: 'Two versions compared: races moved, who gained or lost, expected-wins delta',
        params: pactIdParams,
        querystring: compareQuerySchema,
        response: { 200: comparisonSchema, ...pactErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { from, to } = request.query;
      return tx().execute((trx) => compareVersionNumbers(trx, actor, request.params.id, from, to));
    },
  );

  app.get(
    '/api/pacts/:id/export',
    {
      schema: {
        tags: pactTags,
        summary: 'A version as a file: pact (rerun with concord allocate), report (JSON) or csv',
        params: pactIdParams,
        querystring: exportQuerySchema,
        response: { 200: z.string(), ...pactErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const version = await tx().execute((trx) =>
        getVersion(trx, actor, request.params.id, request.query.version),
      );
      const file = exportVersion(version, request.query.format);
      const name = `pact-v${version.number}${request.query.format === 'report' ? '-report' : ''}.${file.extension}`;
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(file.body);
    },
  );
};
