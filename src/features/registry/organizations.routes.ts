import { z } from 'zod';
import { requireActor } from '../../http/auth.ts';
import { commonErrorResponses, errorResponseSchema } from '../../http/error-schema.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { checkAdmission } from './admission.service.ts';
import { ratifyCharter } from './charter.service.ts';
import { assignDelegate, removeDelegate } from './delegates.service.ts';
import { submitEvidence, verifyEvidence } from './evidence.service.ts';
import {
  createOrganization,
  getOrganizationDetail,
  listOrganizationViews,
  updateOrganization,
  withdrawOrganization,
} from './organizations.service.ts';
import {
  admissionCheckSchema,
  assignDelegateSchema,
  createOrganizationSchema,
  delegateSchema,
  evidenceInputSchema,
  evidenceSchema,
  idParamsSchema,
  organizationDetailSchema,
  organizationSchema,
  organizationStatusSchema,
  organizationsQuerySchema,
  updateOrganizationSchema,
  withdrawalSchema,
} from './registry.schema.ts';

const writeErrors = { ...commonErrorResponses, 409: errorResponseSchema };
const tags = ['registry'];

export const registerOrganizationRoutes: RoutesPlugin = async (app) => {
  const tx = app.db.transaction();

  app.get(
    '/api/organizations',
    {
      schema: {
        tags,
        summary: 'Organizations of the coalition (members, applicants, and former members)',
        querystring: organizationsQuerySchema,
        response: { 200: z.object({ organizations: z.array(organizationSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({
      organizations: await listOrganizationViews(app.db, requireActor(request), request.query),
    }),
  );

  app.post(
    '/api/organizations',
    {
      schema: {
        tags,
        summary: 'Record an application (staff), or register a founding member (admin, founding phase only)',
        body: createOrganizationSchema,
        response: { 201: organizationSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const org = await tx.execute((trx) => createOrganization(trx, actor, request.body));
      return reply.status(201).send(org);
    },
  );

  app.get(
    '/api/organizations/:id',
    {
      schema: {
        tags,
        summary: 'One organization with its evidence, delegates, chapters and status history',
        params: idParamsSchema,
        response: { 200: organizationDetailSchema, ...commonErrorResponses },
      },
    },
    async (request) => getOrganizationDetail(app.db, requireActor(request), request.params.id),
  );

  app.patch(
    '/api/organizations/:id',
    {
      schema: {
        tags,
        summary: 'Edit the profile (name, position, platform, jurisdictions): staff or its own delegate',
        params: idParamsSchema,
        body: updateOrganizationSchema,
        response: { 200: organizationSchema, ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx.execute((trx) => updateOrganization(trx, actor, request.params.id, request.body));
    },
  );

  app.post(
    '/api/organizations/:id/withdrawal',
    {
      schema: {
        tags,
        summary: 'Record the withdrawal of the organization (its delegate, or staff)',
        params: idParamsSchema,
        body: withdrawalSchema,
        response: {
          200: z.object({
            organizationId: z.uuid(),
            from: organizationStatusSchema,
            to: organizationStatusSchema,
          }),
          ...writeErrors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx.execute((trx) => withdrawOrganization(trx, actor, request.params.id, request.body.note));
    },
  );

  app.get(
    '/api/organizations/:id/admission-check',
    {
      schema: {
        tags,
        summary:
          "Judge the organization against the coalition's admission rule: which rule fails and by how much",
        params: idParamsSchema,
        response: { 200: admissionCheckSchema, ...commonErrorResponses },
      },
    },
    async (request) => checkAdmission(app.db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/organizations/:id/evidence',
    {
      schema: {
        tags,
        summary: 'Submit a strength figure with its source and date (its delegate, or staff)',
        params: idParamsSchema,
        body: evidenceInputSchema,
        response: { 201: evidenceSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const evidence = await tx.execute((trx) => submitEvidence(trx, actor, request.params.id, request.body));
      return reply.status(201).send(evidence);
    },
  );

  app.post(
    '/api/organizations/:id/evidence/:evidenceId/verification',
    {
      schema: {
        tags,
        summary: 'Mark a strength figure as verified (staff)',
        params: idParamsSchema.extend({ evidenceId: z.uuid() }),
        response: { 200: evidenceSchema, ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, evidenceId } = request.params;
      return tx.execute((trx) => verifyEvidence(trx, actor, id, evidenceId));
    },
  );

  app.post(
    '/api/organizations/:id/delegates',
    {
      schema: {
        tags,
        summary: 'Make a user of the coalition a delegate of this organization (staff)',
        params: idParamsSchema,
        body: assignDelegateSchema,
        response: { 200: z.object({ delegates: z.array(delegateSchema) }), ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const delegates = await tx.execute((trx) =>
        assignDelegate(trx, actor, request.params.id, request.body.email),
      );
      return { delegates };
    },
  );

  app.delete(
    '/api/organizations/:id/delegates/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a delegate (staff); the user stays in the coalition as a viewer',
        params: idParamsSchema.extend({ userId: z.uuid() }),
        response: { 200: z.object({ delegates: z.array(delegateSchema) }), ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, userId } = request.params;
      return { delegates: await tx.execute((trx) => removeDelegate(trx, actor, id, userId)) };
    },
  );

  app.post(
    '/api/organizations/:id/ratification',
    {
      schema: {
        tags,
        summary: 'Ratify the current charter for the organization (its delegate)',
        params: idParamsSchema,
        response: {
          200: z.object({
            organizationId: z.uuid(),
            version: z.number().int(),
            ratified: z.literal(true),
            recorded: z.boolean(),
          }),
          ...writeErrors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx.execute((trx) => ratifyCharter(trx, actor, request.params.id));
    },
  );
};
