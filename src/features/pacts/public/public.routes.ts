import { z } from 'zod';
import { notFound } from '../../../core/errors.ts';
import { registerEndpoint } from '../../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import { type CachedBody, cachedBody, sendCached, VersionedMemo } from '../../../http/versioned-cache.ts';
import { readPublicVersion } from '../../audit/index.ts';
import { findNextDeadline } from '../../decisions/index.ts';
import { findCoalitionBySlug } from '../../registry/index.ts';
import { pactsContract } from '../pacts.contract.ts';
import { type PublicCandidates, publicCandidatesSchema } from './public.schema.ts';
import { answerFor, buildPublicIndex, findPlace, type PublicIndex } from './public.service.ts';

/** A bound on anything the public version might miss all the same: an index lives a minute at most. */
const maxAgeMs = 60_000;
/** Answers kept, all coalitions together (~3,200 counties and the states of one coalition fit). */
const maxAnswers = 10_000;

/** A coalition's index for one version, numbered: its answers are kept under that number. */
interface Version {
  index: PublicIndex;
  number: number;
}

/** Indexes built by this process (tests: a write the public cannot see must not rebuild it). */
export const publicIndexStats = { builds: 0 };

/** The public site's "find the coalition's candidate": ratified pacts only, no sign-in. */
export const registerPublicPactRoutes: RoutesPlugin = async (app) => {
  // Per coalition: what every place's answer is made from, read once per public version (migration
  // 2026_12_06_2301: public audit events and map writes, not ballots, supporters or petitions) and
  // until the next decision deadline; only public changes are listened to, and a change heard costs a
  // version read before any rebuild. A new version starts with no answers.
  const versions = new VersionedMemo<Version>(app.changes, 100, 1_000, {
    topic: 'public',
    versionIsComplete: true,
  });
  let built = 0;
  // Answers by version number and place; those of a replaced version are never asked again and age out.
  const answers = new Map<string, Promise<CachedBody>>();
  const serialize = (value: PublicCandidates) => JSON.stringify(z.encode(publicCandidatesSchema, value));

  registerEndpoint(
    app,
    pactsContract.publicCandidates,
    // Reads only (decision 0012): no transaction, no lock; a ratification past its window is counted.
    async ({ params, query }, request, reply) => {
      const { slug } = params;
      const { jurisdiction } = query;
      const now = new Date();
      const version = await versions.get(slug, now.getTime(), {
        version: (coalitionId) => readPublicVersion(app.db, coalitionId),
        build: async (begin) => {
          const coalition = await findCoalitionBySlug(app.db, slug);
          if (!coalition) throw notFound('coalition.not_found', `No coalition "${slug}".`);
          begin(coalition.id);
          // The version, read before the data: the coalition's latest public audit event (every stored
          // ratification, pact version, member or branding change appends one) and the map's counter;
          // valid until the next decision's window ends, when an outcome may change without a write.
          const [publicVersion, deadline] = await Promise.all([
            readPublicVersion(app.db, coalition.id),
            findNextDeadline(app.db, coalition.id, now),
          ]);
          publicIndexStats.builds += 1;
          const index = await buildPublicIndex(app.db, coalition, now);
          const validUntil = Math.min(
            deadline?.getTime() ?? Number.POSITIVE_INFINITY,
            now.getTime() + maxAgeMs,
          );
          return {
            scope: coalition.id,
            version: publicVersion,
            validUntil,
            value: { index, number: ++built },
          };
        },
      });
      // A place's first answer: one read (the place and what contains it); requests for it meanwhile share it.
      const key = `${version.number}\0${jurisdiction}`;
      let body = answers.get(key);
      if (!body) {
        body = findPlace(app.db, jurisdiction).then(async (place) =>
          cachedBody(serialize(await answerFor(version.index, place))),
        );
        // Oldest first out: Map keeps insertion order.
        if (answers.size >= maxAnswers) answers.delete(answers.keys().next().value ?? '');
        answers.set(key, body);
        // An unknown place is not kept: it would crowd out the places that exist.
        body.catch(() => {
          if (answers.get(key) === body) answers.delete(key);
        });
      }
      return sendCached(request, reply, await body);
    },
  );
};
