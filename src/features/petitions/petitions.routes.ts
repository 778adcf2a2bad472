import { z } from 'zod';
import { verificationRules } from '../../core/petitions/verification-rules.ts';
import { requireActor } from '../../http/auth.ts';
import { commonErrorResponses, errorResponseSchema } from '../../http/error-schema.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { calendar, icalFeed, warnings } from './calendar.service.ts';
import { createDrive, getDrive, listCirculators, listDrives, updateDrive } from './drives.service.ts';
import { addChecks, addCirculator, addPackets, importCsv } from './entries.service.ts';
import {
  calendarSchema,
  circulatorSchema,
  createCheckSchema,
  createCirculatorSchema,
  createDriveSchema,
  createPacketSchema,
  createRequirementSchema,
  driveDetailSchema,
  driveSummarySchema,
  idParamsSchema,
  importResultSchema,
  importSchema,
  requirementSchema,
  requirementsQuerySchema,
  updateDriveSchema,
  verificationRuleSchema,
} from './petitions.schema.ts';
import { createRequirement, listRequirements } from './requirements.service.ts';
import { toRuleView } from './views.ts';

const tags = ['petitions'];
const writeErrors = { ...commonErrorResponses, 409: errorResponseSchema };

/** Ballot access: requirements, verification rules, drives and their entries, the deadline calendar. */
export const registerPetitionRoutes: RoutesPlugin = async (app) => {
  const tx = app.db.transaction();

  app.get(
    '/api/petitions/requirements',
    {
      schema: {
        tags,
        summary:
          'Ballot-access requirements: the shipped US ones (computed, copied or missing) and the coalition\u2019s own',
        querystring: requirementsQuerySchema,
        response: { 200: z.object({ requirements: z.array(requirementSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({
      requirements: await listRequirements(app.db, requireActor(request), request.query),
    }),
  );

  app.post(
    '/api/petitions/requirements',
    {
      schema: {
        tags,
        summary:
          'Add a requirement of the coalition (a local initiative, a municipal candidacy, any country)',
        body: createRequirementSchema,
        response: { 201: requirementSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return reply.status(201).send(await tx.execute((trx) => createRequirement(trx, actor, request.body)));
    },
  );

  app.get(
    '/api/petitions/verification-rules',
    {
      schema: {
        tags,
        summary: 'Official signature verification rules, one per state or jurisdiction (data, with sources)',
        response: { 200: z.object({ rules: z.array(verificationRuleSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => {
      requireActor(request);
      return { rules: verificationRules.map(toRuleView) };
    },
  );

  app.get(
    '/api/petitions/drives',
    {
      schema: {
        tags,
        summary: 'Petition drives with their totals, projection and probability of qualifying',
        response: { 200: z.object({ drives: z.array(driveSummarySchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({ drives: await listDrives(app.db, requireActor(request)) }),
  );

  app.post(
    '/api/petitions/drives',
    {
      schema: {
        tags,
        summary: 'Start a petition drive toward a requirement',
        body: createDriveSchema,
        response: { 201: driveSummarySchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return reply.status(201).send(await tx.execute((trx) => createDrive(trx, actor, request.body)));
    },
  );

  app.get(
    '/api/petitions/drives/:id',
    {
      schema: {
        tags,
        summary:
          'A drive: projection, burn-up, validity; circulators, packets and checks for its member and staff',
        params: idParamsSchema,
        response: { 200: driveDetailSchema, ...commonErrorResponses },
      },
    },
    async (request) => getDrive(app.db, requireActor(request), request.params.id),
  );

  app.patch(
    '/api/petitions/drives/:id',
    {
      schema: {
        tags,
        summary: 'Change a drive\u2019s required number, expected validity, safety margin or days',
        params: idParamsSchema,
        body: updateDriveSchema,
        response: { 200: driveSummarySchema, ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx.execute((trx) => updateDrive(trx, actor, request.params.id, request.body));
    },
  );

  app.get(
    '/api/petitions/drives/:id/circulators',
    {
      schema: {
        tags,
        summary: 'Circulators with validity and outlier flags (the drive\u2019s member and staff only)',
        params: idParamsSchema,
        response: { 200: z.object({ circulators: z.array(circulatorSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({
      circulators: await listCirculators(app.db, requireActor(request), request.params.id),
    }),
  );

  app.post(
    '/api/petitions/drives/:id/circulators',
    {
      schema: {
        tags,
        summary: 'Add a circulator by name',
        params: idParamsSchema,
        body: createCirculatorSchema,
        response: { 201: z.object({ id: z.uuid(), name: z.string() }), ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return reply
        .status(201)
        .send(await tx.execute((trx) => addCirculator(trx, actor, request.params.id, request.body.name)));
    },
  );

  app.post(
    '/api/petitions/drives/:id/packets',
    {
      schema: {
        tags,
        summary: 'Enter packets (raw count, day, county, circulator); all or none',
        params: idParamsSchema,
        body: z.object({ packets: z.array(createPacketSchema).min(1).max(5000) }),
        response: { 201: z.object({ added: z.number().int() }), ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const packets = request.body.packets.map((value, i) => ({ row: i + 1, value }));
      const added = await tx.execute((trx) => addPackets(trx, actor, request.params.id, packets, 'request'));
      return reply.status(201).send({ added });
    },
  );

  app.post(
    '/api/petitions/drives/:id/checks',
    {
      schema: {
        tags,
        summary: 'Enter validity checks on packets (lines checked, valid, reasons); all or none',
        params: idParamsSchema,
        body: z.object({ checks: z.array(createCheckSchema).min(1).max(5000) }),
        response: { 201: z.object({ added: z.number().int() }), ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const checks = request.body.checks.map((value, i) => ({ row: i + 1, value }));
      const added = await tx.execute((trx) => addChecks(trx, actor, request.params.id, checks, 'request'));
      return reply.status(201).send({ added });
    },
  );

  app.post(
    '/api/petitions/drives/:id/import',
    {
      schema: {
        tags,
        summary:
          'Import packets, checks or signer lines from CSV: all or nothing, row errors name file, row, field and reason',
        params: idParamsSchema,
        body: importSchema,
        response: { 200: importResultSchema, ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { kind, fileName, csv, dryRun } = request.body;
      const rows = await dryRunnable(app, dryRun, (trx) =>
        importCsv(trx, actor, request.params.id, kind, fileName, csv),
      );
      return { kind, rows, dryRun };
    },
  );

  app.get(
    '/api/petitions/calendar',
    {
      schema: {
        tags,
        summary:
          'Every deadline of the coalition\u2019s requirements and drives, with 30/14/7-day warning levels',
        response: { 200: calendarSchema, ...commonErrorResponses },
      },
    },
    async (request) => calendar(app.db, requireActor(request)),
  );

  app.get(
    '/api/petitions/warnings',
    {
      schema: {
        tags,
        summary: 'Deadlines 30 days away or closer (dashboard warnings)',
        response: { 200: calendarSchema, ...commonErrorResponses },
      },
    },
    async (request) => warnings(app.db, requireActor(request)),
  );

  app.get(
    '/api/petitions/calendar.ics',
    {
      schema: {
        tags,
        summary: 'The deadlines as an iCalendar feed (text/calendar)',
        response: { 200: z.string(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const origin = `${request.protocol}://${request.host}`;
      return reply.type('text/calendar; charset=utf-8').send(await icalFeed(app.db, actor, origin));
    },
  );
};

class DryRun<T> extends Error {
  constructor(readonly value: T) {
    super('dry run');
  }
}

/** Runs the whole write, then rolls it back when asked for a dry run: every check runs, nothing stays. */
async function dryRunnable<T>(
  app: Parameters<RoutesPlugin>[0],
  dryRun: boolean,
  work: (trx: typeof app.db) => Promise<T>,
) {
  try {
    return await app.db.transaction().execute(async (trx) => {
      const value = await work(trx);
      if (dryRun) throw new DryRun(value);
      return value;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.value as T;
    throw error;
  }
}
