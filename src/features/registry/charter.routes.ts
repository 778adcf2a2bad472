import { z } from 'zod';
import { requireActor } from '../../http/auth.ts';
import { commonErrorResponses, errorResponseSchema } from '../../http/error-schema.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { foundCharter, getCharterStatus, listCharterVersions } from './charter.service.ts';
import { getCoalitionOverview, getPublicCoalition } from './coalition.service.ts';
import {
  charterStatusSchema,
  charterVersionSchema,
  coalitionOverviewSchema,
  foundCharterSchema,
  governanceSettingsSchema,
  publicCoalitionSchema,
  settingsPatchSchema,
} from './registry.schema.ts';
import { getSettings, updateSettings } from './settings.service.ts';

const tags = ['registry'];
const writeErrors = { ...commonErrorResponses, 409: errorResponseSchema };

/** The coalition itself: overview, settings, charter; and the public page. */
export const registerCharterRoutes: RoutesPlugin = async (app) => {
  app.get(
    '/api/coalition',
    {
      schema: {
        tags,
        summary: 'The coalition: settings, charter version, organizations by status',
        response: { 200: coalitionOverviewSchema, ...commonErrorResponses },
      },
    },
    async (request) => getCoalitionOverview(app.db, requireActor(request)),
  );

  app.get(
    '/api/governance/settings',
    {
      schema: {
        tags,
        summary: 'Admission rule and voting defaults',
        response: { 200: governanceSettingsSchema, ...commonErrorResponses },
      },
    },
    async (request) => getSettings(app.db, requireActor(request).coalitionId),
  );

  app.patch(
    '/api/governance/settings',
    {
      schema: {
        tags,
        summary: 'Change the admission rule or voting defaults (admin)',
        body: settingsPatchSchema,
        response: { 200: governanceSettingsSchema, ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return app.db.transaction().execute((trx) => updateSettings(trx, actor, request.body));
    },
  );

  app.get(
    '/api/charter',
    {
      schema: {
        tags,
        summary: 'The current charter and who has and has not ratified it',
        response: { 200: charterStatusSchema, ...commonErrorResponses },
      },
    },
    async (request) => getCharterStatus(app.db, requireActor(request)),
  );

  app.get(
    '/api/charter/versions',
    {
      schema: {
        tags,
        summary: 'Every charter version, newest first, with the decision that adopted it',
        response: { 200: z.object({ versions: z.array(charterVersionSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({ versions: await listCharterVersions(app.db, requireActor(request)) }),
  );

  app.post(
    '/api/charter',
    {
      schema: {
        tags,
        summary:
          'Adopt the founding charter (admin, once); later versions come from charter-amendment decisions',
        body: foundCharterSchema,
        response: { 201: charterVersionSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const version = await app.db
        .transaction()
        .execute((trx) => foundCharter(trx, actor, request.body.planks));
      return reply.status(201).send(version);
    },
  );

  app.get(
    '/api/public/coalitions/:slug',
    {
      schema: {
        tags: ['public'],
        summary: 'Public page of a coalition (no sign-in): its charter and members',
        params: z.object({ slug: z.string().min(1).max(100) }),
        response: { 200: publicCoalitionSchema, 404: errorResponseSchema },
      },
    },
    async (request) => getPublicCoalition(app.db, request.params.slug),
  );
};
