import { z } from 'zod';
import { notFound } from '../../../core/errors.ts';
import { registerEndpoint } from '../../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import { sendCached, VersionedCache } from '../../../http/versioned-cache.ts';
import { readChainHead } from '../../audit/index.ts';
import { findNextDeadline } from '../../decisions/index.ts';
import { findCoalitionBySlug } from '../../registry/index.ts';
import { pactsContract } from '../pacts.contract.ts';
import { type PublicCandidates, publicCandidatesSchema } from './public.schema.ts';
import { findCoalitionCandidates } from './public.service.ts';

/** Map data changes without an audit event (its tables notify `*`): an entry lives a minute at most. */
const maxAgeMs = 60_000;

/** The public site's "find the coalition's candidate": ratified pacts only, no sign-in. */
export const registerPublicPactRoutes: RoutesPlugin = async (app) => {
  /** Places asked for, per server: ~3,200 counties and states of one coalition fit. */
  const cache = new VersionedCache<PublicCandidates>(
    app.changes,
    (value) => JSON.stringify(z.encode(publicCandidatesSchema, value)),
    10_000,
  );
  registerEndpoint(
    app,
    pactsContract.publicCandidates,
    // Reads only (decision 0012): no transaction, no lock; a ratification past its window is counted.
    async ({ params, query }, request, reply) => {
      const { slug } = params;
      const { jurisdiction } = query;
      const now = new Date();
      const body = await cache.get(`${slug}\0${jurisdiction}`, now.getTime(), {
        version: async (coalitionId) => String((await readChainHead(app.db, coalitionId))?.seq ?? 0),
        build: async (begin) => {
          const coalition = await findCoalitionBySlug(app.db, slug);
          if (!coalition) throw notFound('coalition.not_found', `No coalition "${slug}".`);
          begin(coalition.id);
          // The version: the coalition's audit head (every stored ratification, pact or status change
          // appends an event); valid until the next decision's window ends, when an outcome may change.
          const [head, deadline] = await Promise.all([
            readChainHead(app.db, coalition.id),
            findNextDeadline(app.db, coalition.id, now),
          ]);
          const value = await findCoalitionCandidates(app.db, slug, jurisdiction, now);
          const validUntil = Math.min(
            deadline?.getTime() ?? Number.POSITIVE_INFINITY,
            now.getTime() + maxAgeMs,
          );
          return { scope: coalition.id, version: String(head?.seq ?? 0), validUntil, value };
        },
      });
      return sendCached(request, reply, body);
    },
  );
};
