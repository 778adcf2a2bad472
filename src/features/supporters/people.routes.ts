import { z } from 'zod';
import { requireActor } from '../../http/auth.ts';
import { commonErrorResponses, errorResponseSchema } from '../../http/error-schema.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { supporterAggregates } from './aggregates.service.ts';
import {
  createPerson,
  erasePerson,
  exportPersonData,
  getPerson,
  listPeople,
  updatePerson,
} from './people.service.ts';
import {
  addActivity,
  defineCustomField,
  issueLinkCode,
  listCustomFields,
  recordConsent,
  redeemLinkCode,
  withdrawConsent,
} from './records.service.ts';
import {
  activityInputSchema,
  aggregatesSchema,
  consentInputSchema,
  customFieldInputSchema,
  customFieldSchema,
  linkCodeInputSchema,
  linkCodeSchema,
  peoplePageSchema,
  peopleQuerySchema,
  personIdParamsSchema,
  personInputSchema,
  personPatchSchema,
  personSchema,
  redeemLinkInputSchema,
  withdrawalInputSchema,
} from './supporters.schema.ts';

const writeErrors = { ...commonErrorResponses, 409: errorResponseSchema };
const tags = ['supporters'];
const params = personIdParamsSchema;

/**
 * A member's own people. No route takes an organization: the owner always comes from the signed-in
 * Actor (src/features/supporters/access.ts), so another member's people cannot even be named.
 */
export const registerPeopleRoutes: RoutesPlugin = async (app) => {
  const tx = app.db.transaction();

  app.get(
    '/api/people',
    {
      schema: {
        tags,
        summary: "Your organization's supporters: search, filter, one page at a time (opaque cursor)",
        querystring: peopleQuerySchema,
        response: { 200: peoplePageSchema, ...commonErrorResponses },
      },
    },
    async (request) => tx.execute((trx) => listPeople(trx, requireActor(request), request.query)),
  );

  app.post(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'Add a supporter to your organization',
        body: personInputSchema,
        response: { 201: personSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return reply.status(201).send(await tx.execute((trx) => createPerson(trx, actor, request.body)));
    },
  );

  app.get(
    '/api/people/aggregates',
    {
      schema: {
        tags,
        summary:
          'Supporter counts by county, tag and month: coalition staff see all members with counts under 10 as "<10"',
        response: { 200: aggregatesSchema, ...commonErrorResponses },
      },
    },
    async (request) => supporterAggregates(app.db, requireActor(request)),
  );

  app.get(
    '/api/people/custom-fields',
    {
      schema: {
        tags,
        summary: "Your organization's custom fields",
        response: { 200: z.object({ fields: z.array(customFieldSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({ fields: await listCustomFields(app.db, requireActor(request)) }),
  );

  app.post(
    '/api/people/custom-fields',
    {
      schema: {
        tags,
        summary: 'Define a custom field (never race, ethnicity or religion)',
        body: customFieldInputSchema,
        response: { 200: z.object({ fields: z.array(customFieldSchema) }), ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { fields: await tx.execute((trx) => defineCustomField(trx, actor, request.body)) };
    },
  );

  app.get(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'One supporter with consents, activity and links',
        params,
        response: { 200: personSchema, ...commonErrorResponses },
      },
    },
    async (request) => getPerson(app.db, requireActor(request), request.params.id),
  );

  app.patch(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'Edit a supporter',
        params,
        body: personPatchSchema,
        response: { 200: personSchema, ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx.execute((trx) => updatePerson(trx, actor, request.params.id, request.body));
    },
  );

  app.delete(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'Erase a supporter and everything held on them (audited without personal data)',
        params,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await tx.execute((trx) => erasePerson(trx, actor, request.params.id));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/people/:id/export',
    {
      schema: {
        tags,
        summary: 'Subject access: everything held on one supporter, as JSON (audited)',
        params,
        response: {
          200: z.object({
            format: z.literal('concord.subject-access.v1'),
            exportedAt: z.string(),
            holder: z.object({ organizationId: z.uuid() }),
            person: personSchema,
            customFieldLabels: z.record(z.string(), z.string()),
          }),
          ...commonErrorResponses,
        },
      },
    },
    async (request) => tx.execute((trx) => exportPersonData(trx, requireActor(request), request.params.id)),
  );

  app.post(
    '/api/people/:id/consents',
    {
      schema: {
        tags,
        summary: 'Record consent (or its refusal) for one channel',
        params,
        body: consentInputSchema,
        response: { 200: personSchema, ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx.execute((trx) => recordConsent(trx, actor, request.params.id, request.body));
    },
  );

  app.post(
    '/api/people/:id/consents/withdrawal',
    {
      schema: {
        tags,
        summary: 'Withdraw consent for one channel',
        params,
        body: withdrawalInputSchema,
        response: { 200: personSchema, ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx.execute((trx) => withdrawConsent(trx, actor, request.params.id, request.body));
    },
  );

  app.post(
    '/api/people/:id/activities',
    {
      schema: {
        tags,
        summary: 'Record an event, shift, petition or donation (amount only)',
        params,
        body: activityInputSchema,
        response: { 200: personSchema, ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx.execute((trx) => addActivity(trx, actor, request.params.id, request.body));
    },
  );

  app.post(
    '/api/people/:id/link-codes',
    {
      schema: {
        tags,
        summary: 'Record the person’s consent to a dual membership and get a one-time code for them to carry',
        params,
        body: linkCodeInputSchema,
        response: { 200: linkCodeSchema, ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx.execute((trx) => issueLinkCode(trx, actor, request.params.id, request.body));
    },
  );

  app.post(
    '/api/people/:id/links',
    {
      schema: {
        tags,
        summary: 'Redeem a person’s link code on your own record of them',
        params,
        body: redeemLinkInputSchema,
        response: { 200: personSchema, ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx.execute((trx) => redeemLinkCode(trx, actor, request.params.id, request.body.code));
    },
  );
};
